/**
 * Request paths that could name another object than they seem to once a store decodes them
 * (S3 decodes the key it serves; WHATWG URL parsing folds "\\" and dot segments). The viewer
 * function and the local server must refuse every one with 400, whoever asks.
 */
export const HOSTILE_PATHS: readonly string[] = [
  '/%64ata/provinces/79/police.json',
  '/data%2Fprovinces%2F79%2Fpolice.json',
  '/data/provinces/48/../79/police.json',
  '/auth/../data/provinces/79/police.json',
  '/auth/%2E%2E/data/national.json',
  '/data/provinces/48/%2e%2e/79/police.json',
  '/data/provinces/48/..%2F79/police.json',
  '/data/provinces/%34%38/../79/police.json',
  '/data/provinces/48/%5C..%5C79/police.json',
  '/data/provinces/48\\..\\79/police.json',
  '//data/provinces/79/police.json',
  '/data//provinces/79/police.json',
  '/data/provinces/48//../79/police.json',
  '/data/provinces/48/%C0%AE%C0%AE/79/police.json',
  '/data/provinces/48/%E0%80%AE/x.json',
  '/data/provinces/48/%ED%A0%80.json',
  '/data/provinces/48/%zz.json',
  '/data/provinces/48/%',
  '/data/provinces/48/%252e%252e/79/police.json',
  '/data/provinces/48/./police.json',
  '/data/provinces/48/..',
  '/data/provinces/48/x%00.json',
  '/data/provinces/48/x%0a.json',
  '/auth/%2e%2e%2fdata%2fnational.json',
  '/%61uth/../data/national.json',
  '/data/provinces/4%38/police.json',
  '/api/%2e%2e/data/national.json',
  'data/provinces/48/police.json',
  '',
];
