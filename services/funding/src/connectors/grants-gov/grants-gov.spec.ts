import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadItem, SourceRecord } from '../connector';
import { SourceReadError } from '../http/source-fetch';
import { readGrantsGovXml, readGrantsGovZip } from './grants-gov-extract.reader';
import { grantsGovAmount, grantsGovDate, mapGrantsGovRecord } from './grants-gov.mapper';
import { sampleExtractXml, writeSampleExtractZip } from './sample-extract';

const NOW = new Date('2026-12-01T12:00:00Z');

function xmlOf(records: string): Readable {
  return Readable.from([`<?xml version="1.0"?><Grants xmlns="http://apply.grants.gov/system/OpportunityDetail-V1.0">${records}</Grants>`]);
}

async function mapAll(xml: Readable | AsyncIterable<string>): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const raw of readGrantsGovXml(xml)) items.push(mapGrantsGovRecord(raw, NOW));
  return items;
}

const SYNOPSIS = `<OpportunitySynopsisDetail_1_0>
  <OpportunityID>352871</OpportunityID>
  <OpportunityTitle>Baltic Sister Cities &amp; Ports</OpportunityTitle>
  <OpportunityNumber>DOS-ECA-27-001</OpportunityNumber>
  <FundingInstrumentType>G</FundingInstrumentType>
  <CategoryOfFundingActivity>RD</CategoryOfFundingActivity>
  <CategoryOfFundingActivity>CD</CategoryOfFundingActivity>
  <EligibleApplicants>02</EligibleApplicants>
  <EligibleApplicants>12</EligibleApplicants>
  <AgencyCode>DOS-ECA</AgencyCode>
  <AgencyName>Bureau of Educational and Cultural Affairs</AgencyName>
  <PostDate>11012026</PostDate>
  <CloseDate>03152027</CloseDate>
  <LastUpdatedDate>11022026</LastUpdatedDate>
  <AwardCeiling>250000</AwardCeiling>
  <AwardFloor>none</AwardFloor>
  <EstimatedTotalProgramFunding>1,000,000</EstimatedTotalProgramFunding>
  <Description>&lt;p&gt;Ties between cities&amp;nbsp;and ports&amp;rsquo; partners.&lt;/p&gt;</Description>
  <Version>Synopsis 2</Version>
  <CostSharingOrMatchingRequirement>Yes</CostSharingOrMatchingRequirement>
</OpportunitySynopsisDetail_1_0>`;

describe('Grants.gov extract records', () => {
  it('maps a synopsis to the opportunity model', async () => {
    const [item] = await mapAll(xmlOf(SYNOPSIS));
    const record = item?.record as SourceRecord;
    expect(record.sourceRecordId).toBe('352871');
    expect(record.content).toMatchObject({
      title: 'Baltic Sister Cities & Ports',
      reference: 'DOS-ECA-27-001',
      funder: 'Bureau of Educational and Cultural Affairs',
      funderType: 'national',
      description: 'Ties between cities and ports’ partners.',
      status: 'open',
      timeZone: 'America/New_York',
      award: { floor: null, ceiling: 250000, total: 1000000, currency: 'USD' },
      costSharing: true,
      eligibleApplicantTypes: ['city-or-township-governments', 'nonprofits-with-501c3'],
      eligibleCountries: ['US'],
      themes: ['community-development', 'regional-development'],
      jointBidsAllowed: null,
      url: 'https://www.grants.gov/search-results-detail/352871',
    });
    // 11:59:59 pm Eastern on 15 March 2027 (EDT, UTC-4).
    expect(record.content.closesAt?.toISOString()).toBe('2027-03-16T03:59:59.000Z');
    expect(record.content.postedAt?.toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });

  it('orders versions: a forecast before a synopsis, then by last update and version', async () => {
    const forecast = SYNOPSIS.replace(/OpportunitySynopsisDetail_1_0/g, 'OpportunityForecastDetail_1_0').replace('Synopsis 2', 'Forecast 5');
    const later = SYNOPSIS.replace('11022026', '11032026');
    const [f, s, l] = (await mapAll(xmlOf(forecast + SYNOPSIS + later))).map((item) => item.record?.revision ?? '');
    expect(f < s!).toBe(true);
    expect(s! < l!).toBe(true);
    expect((await mapAll(xmlOf(forecast)))[0]?.record?.content.status).toBe('forecasted');
  });

  it('derives closed and archived from the dates', async () => {
    const closed = SYNOPSIS.replace('03152027', '03152020');
    const archived = closed.replace('</CloseDate>', '</CloseDate><ArchiveDate>04152020</ArchiveDate>');
    const [c, a] = await mapAll(xmlOf(closed + archived));
    expect(c?.record?.content.status).toBe('closed');
    expect(a?.record?.content.status).toBe('archived');
  });

  it('reports and skips a record without an id or title, or with a broken date, and reads on', async () => {
    const items = await mapAll(
      xmlOf(SYNOPSIS.replace('<OpportunityID>352871</OpportunityID>', '') + SYNOPSIS.replace(/<OpportunityTitle>.*<\/OpportunityTitle>/, '') + SYNOPSIS.replace('03152027', '13452027') + SYNOPSIS),
    );
    expect(items.map((item) => item.problem?.reason ?? 'ok')).toEqual([
      'has no OpportunityID',
      'has no OpportunityTitle',
      'CloseDate "13452027" is not a date in MMDDYYYY form',
      'ok',
    ]);
    expect(items[0]?.problem?.record).toBe('record 1');
  });

  it('fails on malformed XML and on a root that is not <Grants>', async () => {
    await expect(mapAll(Readable.from(['<Grants><OpportunitySynopsisDetail_1_0><OpportunityID>1</Opp'] ))).rejects.toThrow(SourceReadError);
    await expect(mapAll(Readable.from(['<html><body>Maintenance</body></html>']))).rejects.toThrow(/not <Grants>/);
  });

  it('reads amounts and dates as Grants.gov writes them', () => {
    expect(grantsGovAmount('none')).toBeNull();
    expect(grantsGovAmount(' 50000 ')).toBe(50000);
    expect(grantsGovAmount('$1,250.50')).toBe(1250.5);
    expect(grantsGovAmount('TBD')).toBeNull();
    expect(grantsGovDate('02302027', true)).toBeNull();
    // Winter: EST, UTC-5.
    expect(grantsGovDate('01152027', true)?.toISOString()).toBe('2027-01-16T04:59:59.000Z');
  });
});

describe('the generated extract', () => {
  it('is the same for a seed and has the variety of a real one', async () => {
    const first = [...sampleExtractXml({ records: 400, seed: 5 })].join('');
    expect([...sampleExtractXml({ records: 400, seed: 5 })].join('')).toBe(first);
    const items = await mapAll(Readable.from([first]));
    expect(items).toHaveLength(400);
    const records = items.flatMap((item) => (item.record ? [item.record] : []));
    const ids = records.map((r) => r.sourceRecordId);
    expect(new Set(ids).size).toBeLessThan(ids.length);
    expect(first).toContain('<AwardCeiling>none</AwardCeiling>');
    expect(first).toContain('&amp;nbsp;');
    const past = records.filter((r) => r.content.status === 'closed' || r.content.status === 'archived').length;
    expect(past / records.length).toBeGreaterThan(0.7);
    expect(records.some((r) => r.content.status === 'open')).toBe(true);
    expect(records.some((r) => r.content.status === 'forecasted')).toBe(true);
    expect(records.some((r) => r.content.closesAt === null)).toBe(true);
    const bytesPerRecord = Buffer.byteLength(first) / 400;
    expect(bytesPerRecord).toBeGreaterThan(3000);
    expect(bytesPerRecord).toBeLessThan(5000);
  });

  it('round-trips through its zip, streamed from the entry', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'grants-gov-spec-'));
    try {
      const path = join(directory, 'extract.zip');
      const sizes = await writeSampleExtractZip(path, { records: 300, seed: 9 });
      expect(sizes.zipBytes).toBeLessThan(sizes.xmlBytes / 3);
      let count = 0;
      for await (const raw of readGrantsGovZip(path)) {
        expect(mapGrantsGovRecord(raw, NOW).record).toBeDefined();
        count += 1;
      }
      expect(count).toBe(300);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
