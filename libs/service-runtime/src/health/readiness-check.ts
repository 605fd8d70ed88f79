export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** One dependency the service needs before it can take traffic. */
export interface ReadinessCheck {
  readonly name: string;
  isReady(): Promise<boolean>;
}
