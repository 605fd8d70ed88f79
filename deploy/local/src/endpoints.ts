/** Where the started servers answer. */
export interface InfraEndpoints {
  kafkaBrokers: string[];
  mongoUrl: string;
  keycloakUrl: string;
  /** Where services send mail: `smtp://host:port` (SMTP_URL). */
  smtpUrl: string;
  /** GreenMail's REST API, where what was sent is read; null for an external SMTP server. */
  mailApiUrl: string | null;
}
