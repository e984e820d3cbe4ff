import * as path from 'node:path';

/** The package root: src/domain (or dist/domain) is two levels down. */
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
export const RULESETS_DIR = path.join(PACKAGE_ROOT, 'indicators', 'rulesets');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const REVIEWS_DIR = path.join(PACKAGE_ROOT, 'indicators', 'reviews');
