#!/usr/bin/env node
// Validates Adaptive Cards with Microsoft's own parser (the `adaptivecards` npm package), for schema 1.5.
// Input: a JSON array of cards (or one card), from the file named in argv[2] or from stdin.
// Output (stdout): a JSON array, one entry per card: {index, errors: [...], warnings: [...]}.
// Errors are parse and validation events; warnings are properties the parser did not recognise (it drops
// them silently, so we find them by comparing the card with the parser's own re-serialisation).
// Exit code: 0 when every card is clean, 1 when any has an error or warning, 2 on bad input.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "package.json"));

let AC;
try {
  // The package's lib/ is ESM without file extensions, which Node cannot resolve; the UMD bundle loads as is
  // and needs no DOM for parsing and validation.
  AC = require("adaptivecards/dist/adaptivecards.js");
} catch (e) {
  process.stderr.write(`adaptivecards is not installed (${e.message}); run ./test.sh (or npm ci in tests/tools)\n`);
  process.exit(3);
}

// Host extensions Teams reads that the generic parser does not model.
const hostProperties = new Set(["msteams", "$schema"]);

function readInput() {
  const file = process.argv[2];
  const text = file && file !== "-" ? readFileSync(file, "utf8") : readFileSync(0, "utf8");
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : [parsed];
}

// Lists properties present in `original` but missing from `roundTrip`, with their JSON paths.
function droppedProperties(original, roundTrip, at, out) {
  if (Array.isArray(original)) {
    // An array the parser shortened has lost an unknown element or action, already reported as an error;
    // pairing the rest by position would only produce noise.
    if (!Array.isArray(roundTrip) || roundTrip.length !== original.length) return;
    original.forEach((item, i) => droppedProperties(item, roundTrip[i], `${at}[${i}]`, out));
    return;
  }
  if (original === null || typeof original !== "object") return;
  for (const [key, value] of Object.entries(original)) {
    if (hostProperties.has(key)) continue;
    const there = roundTrip && typeof roundTrip === "object" ? roundTrip[key] : undefined;
    if (there === undefined) {
      // The parser leaves out values equal to the schema default; that is not an unknown property.
      if (!isDefaultValue(key, value, at)) out.push(`${at}.${key}`);
      continue;
    }
    droppedProperties(value, there, `${at}.${key}`, out);
  }
}

// Schema defaults (per property; "style" has a different default per element type).
const defaults = {
  wrap: [false], isSubtle: [false], separator: [false], isVisible: [true], isMultiline: [false],
  isMultiSelect: [false], isRequired: [false], italic: [false], weight: ["default"], size: ["default"],
  color: ["default"], spacing: ["default"], style: ["default", "compact", "text"], horizontalAlignment: ["left"],
  valueOn: ["true"], valueOff: ["false"],
};

function isDefaultValue(key, value, at) {
  // The parser writes no version for a card nested in Action.ShowCard; the schema allows one there.
  if (key === "version" && at.endsWith(".card")) return true;
  // An empty array is left out (e.g. refresh.userIds: [], which Teams reads as "manual refresh only").
  if (Array.isArray(value) && value.length === 0) return true;
  return Object.prototype.hasOwnProperty.call(defaults, key) && defaults[key].includes(value);
}

function validate(json, index) {
  const errors = [];
  const warnings = [];
  if (json === null || typeof json !== "object" || json.type !== "AdaptiveCard") {
    errors.push({ event: "MissingCardType", message: 'not an object with "type": "AdaptiveCard"' });
    return { index, errors, warnings };
  }
  if (json.version !== "1.5") {
    errors.push({ event: "UnsupportedCardVersion", message: `version is ${JSON.stringify(json.version)}, expected "1.5"` });
  }

  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  try {
    card.parse(json, context);
  } catch (e) {
    errors.push({ event: "ParseException", message: String(e && e.message ? e.message : e) });
    return { index, errors, warnings };
  }
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    errors.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  }

  const results = card.validateProperties();
  for (const e of results.validationEvents) {
    errors.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  }

  const roundTrip = card.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
  const dropped = [];
  droppedProperties(json, roundTrip, "$", dropped);
  for (const p of dropped) warnings.push({ event: "UnknownProperty", message: `the parser does not know ${p}` });

  return { index, errors, warnings };
}

let cards;
try {
  cards = readInput();
} catch (e) {
  process.stderr.write(`could not read the cards: ${e.message}\n`);
  process.exit(2);
}
const report = cards.map(validate);
process.stdout.write(JSON.stringify(report, null, 2) + "\n");
process.exit(report.some((r) => r.errors.length || r.warnings.length) ? 1 : 0);
