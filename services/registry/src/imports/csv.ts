// The RFC 4180 reader moved to @entente/validation, which the funding service's CSV source shares.
export { type CsvDocument, type CsvOptions, type CsvRecord, type CsvSyntaxProblem, parseCsv } from '@entente/validation';
