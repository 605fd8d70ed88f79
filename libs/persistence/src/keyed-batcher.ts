interface Waiting<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the calls made for one key while the current work runs (until the
 * next turn of the event loop) and answers them with one call of `run`,
 * which gets the items in call order and must answer one result per item,
 * in the same order. A GraphQL list asks a field of each of its items
 * separately: batching turns those N lookups into one. Calls for different
 * keys (jurisdictions) are never batched together.
 */
export class KeyedBatcher<I, R> {
  private readonly waiting = new Map<string, Array<Waiting<I, R>>>();

  constructor(private readonly run: (key: string, items: I[]) => Promise<R[]>) {}

  load(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let batch = this.waiting.get(key);
      if (!batch) {
        batch = [];
        this.waiting.set(key, batch);
        setImmediate(() => void this.flush(key));
      }
      batch.push({ item, resolve, reject });
    });
  }

  private async flush(key: string): Promise<void> {
    const batch = this.waiting.get(key) ?? [];
    this.waiting.delete(key);
    try {
      const results = await this.run(
        key,
        batch.map((waiting) => waiting.item),
      );
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} was answered with ${results.length} results`);
      batch.forEach((waiting, i) => waiting.resolve(results[i] as R));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
