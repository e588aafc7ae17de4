#!/usr/bin/env node
// Validates a filled-in Teams app manifest against Microsoft's published JSON schema, as shipped in the
// npm package @microsoft/app-manifest (installed in tests/tools/node_modules), and checks the icons the
// manifest names: PNG, the sizes Teams requires, and an alpha channel on the outline icon.
// Prints one JSON object ({ ok, schema, errors }) and exits 0 only when the manifest is valid.
//
// usage: node deploy/teams/validate-manifest.mjs <manifest.json> [<folder with the icons>]
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const toolsPackage = resolve(here, '..', '..', 'tests', 'tools', 'package.json');
const result = { ok: false, errors: [] };

function finish() {
  result.ok = result.errors.length === 0;
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.exit(result.ok ? 0 : 1);
}

const manifestPath = process.argv[2];
if (!manifestPath) {
  result.errors.push('usage: node validate-manifest.mjs <manifest.json> [<icons folder>]');
  finish();
}
const iconsFolder = process.argv[3] ?? dirname(manifestPath);

let manifest;
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
} catch (error) {
  result.errors.push(`cannot read ${manifestPath} as JSON: ${error.message}`);
  finish();
}

const unfilled = JSON.stringify(manifest).match(/\$\{\{[A-Z_]+\}\}/g);
if (unfilled) {
  result.errors.push(`placeholders not filled in: ${[...new Set(unfilled)].join(', ')}`);
}

// The schema comes from the installed package, never from the network (which may be closed).
let AppManifestUtils;
let schemaFile;
try {
  const require = createRequire(toolsPackage);
  ({ AppManifestUtils } = require('@microsoft/app-manifest'));
  const packageFolder = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  schemaFile = join(packageFolder, 'build', 'json-schemas', 'teams', `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json');
} catch (error) {
  result.errors.push(`@microsoft/app-manifest is not installed in tests/tools/node_modules: run (cd tests/tools && npm ci), or ./test.sh. (${error.message})`);
  finish();
}

if (!existsSync(schemaFile)) {
  result.errors.push(`@microsoft/app-manifest has no schema for manifestVersion ${manifest.manifestVersion} (looked for ${schemaFile})`);
  finish();
}

result.schema = schemaFile;
// The package applies the same clean-up when it fetches a schema: a "\a" in one regex is not valid for ajv.
const schema = JSON.parse(readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\x07'));
const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
result.errors.push(...schemaErrors.map(e => `schema: ${e}`));

function pngHeader(file) {
  const bytes = readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') {
    return null;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] };
}

const expected = { color: 192, outline: 32 };
for (const [kind, size] of Object.entries(expected)) {
  const name = manifest.icons?.[kind];
  if (!name) continue; // the schema already reported it
  const file = join(iconsFolder, name);
  if (!existsSync(file)) {
    result.errors.push(`icon ${kind}: ${file} does not exist`);
    continue;
  }
  const header = pngHeader(file);
  if (!header) {
    result.errors.push(`icon ${kind}: ${name} is not a PNG`);
    continue;
  }
  if (header.width !== size || header.height !== size) {
    result.errors.push(`icon ${kind}: ${name} is ${header.width}x${header.height}, Teams needs ${size}x${size}`);
  }
  // PNG colour types 4 (grey + alpha) and 6 (RGB + alpha) carry transparency.
  if (kind === 'outline' && header.colourType !== 4 && header.colourType !== 6) {
    result.errors.push(`icon outline: ${name} has no alpha channel (PNG colour type ${header.colourType}); it must be transparent`);
  }
}

finish();
