// Writes, for every operation of an OpenAPI document, candidate samples for each parameter and each request
// body media type: the spec's own examples first (when present), then one made by json-schema-faker from the
// schema with a fixed seed. The conformance suite decodes them with the generated codecs and sends them.
//
// usage: node samples.mjs <spec.(json|yaml)> <out.json>
import fs from 'node:fs';
import yaml from 'js-yaml';
import { generate } from 'json-schema-faker';

const [specPath, outPath] = process.argv.slice(2);
const text = fs.readFileSync(specPath, 'utf8');
const doc = specPath.endsWith('.json') ? JSON.parse(text) : yaml.load(text, { json: true });
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The node a local reference points to (only '#/...' references exist in the corpus' REST specs). */
function deref(node, seen = 0) {
  while (node && typeof node === 'object' && typeof node.$ref === 'string' && seen++ < 50) {
    const ref = node.$ref;
    if (!ref.startsWith('#/')) throw new Error('external reference not supported: ' + ref);
    node = ref.slice(2).split('/').map(s => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((n, key) => (n == null ? n : n[key]), doc);
  }
  return node;
}

/**
 * OpenAPI 3.0 schema keywords that JSON Schema reads differently: nullable (dropped: a non-null value is valid
 * either way), boolean exclusiveMinimum/Maximum (made numeric), and x- or documentation keywords that the faker
 * would otherwise treat as unknown. References stay references and are resolved lazily by refResolver.
 */
function normalize(schema, depth = 0) {
  if (Array.isArray(schema)) return schema.map(s => normalize(s, depth));
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'nullable' || k === 'discriminator' || k === 'xml' || k === 'externalDocs' || k.startsWith('x-')) continue;
    if ((k === 'example' || k === 'examples' || k === 'default' || k === 'enum' || k === 'const')) { out[k] = v; continue; }
    out[k] = normalize(v, depth + 1);
  }
  if (out.exclusiveMinimum === true) { out.exclusiveMinimum = out.minimum; delete out.minimum; }
  if (out.exclusiveMinimum === false) delete out.exclusiveMinimum;
  if (out.exclusiveMaximum === true) { out.exclusiveMaximum = out.maximum; delete out.maximum; }
  if (out.exclusiveMaximum === false) delete out.exclusiveMaximum;
  // The faker draws a length up to maxLength before trimming: a maxLength of 70,000,000 (OpenAI) takes minutes.
  if (typeof out.maxLength === 'number' && out.maxLength > 64) out.maxLength = Math.max(out.minLength ?? 0, 64);
  // The faker draws from a fixed range when only one bound is given, ignoring a minimum above it (an epoch in ms).
  const low = out.minimum ?? out.exclusiveMinimum;
  const high = out.maximum ?? out.exclusiveMaximum;
  if (typeof low === 'number' && high === undefined && low > 0) out.maximum = low + 1000000;
  if (typeof high === 'number' && low === undefined && high < 0) out.minimum = high - 1000000;
  // "default: null" on a schema that does not allow null (OpenAI's input_audio_noise_reduction) is no sample.
  if (out.default === null) delete out.default;
  // A non-null value is valid wherever null is too, and tells more: drop null alternatives.
  if (Array.isArray(out.type) && out.type.length > 1) {
    out.type = out.type.filter(t => t !== 'null');
    if (out.type.length === 1) out.type = out.type[0];
  }
  for (const k of ['anyOf', 'oneOf']) {
    if (Array.isArray(out[k]) && out[k].length > 1) {
      const kept = out[k].filter(s => !(s && s.type === 'null'));
      if (kept.length > 0) out[k] = kept;
    }
  }
  if (schema.nullable === true && Array.isArray(out.enum)) out.enum = out.enum.filter(e => e !== null);
  // OpenAPI 3.0 'example' is a single value; JSON Schema 'examples' is a list (the faker reads the latter).
  if (out.example !== undefined && out.examples === undefined) out.examples = [out.example];
  delete out.example;
  if (out.examples !== undefined && !Array.isArray(out.examples)) delete out.examples;
  return out;
}

const resolved = new Map();

/** The faker asks for each reference it meets; each target is normalized once. */
function resolveRef(ref) {
  if (!resolved.has(ref)) resolved.set(ref, normalize(deref({ $ref: ref })));
  return resolved.get(ref);
}

async function fake(schema) {
  return generate(normalize(deref(schema) ?? {}), {
    seed: 20260101,
    alwaysFakeOptionals: true,
    // Property examples are often not valid against their own schema (strings for arrays): the spec's examples
    // are tried as candidates of their own, the faker's sample is made from the schema alone.
    useExamplesValue: false,
    useDefaultValue: true,
    fixedProbabilities: true,
    maxItems: 2,
    // No refDepthMax: the faker replaces a reference past it by {} and then draws a random type. Cycles stop at maxDepth.
    maxDepth: 16,
    failOnInvalidTypes: false,
    failOnInvalidFormat: false,
    refResolver: resolveRef,
  });
}

/** The spec's own examples of a parameter or media type object (example, examples.*.value), in order. */
function specExamples(holder) {
  const out = [];
  if (holder.example !== undefined) out.push(holder.example);
  for (const ex of Object.values(holder.examples ?? {})) {
    const e = deref(ex);
    if (e && e.value !== undefined) out.push(e.value);
  }
  const schema = deref(holder.schema);
  if (schema && schema.example !== undefined) out.push(schema.example);
  if (schema && Array.isArray(schema.examples)) out.push(...schema.examples);
  return out;
}

async function candidates(holder) {
  const list = specExamples(holder).map(value => ({ source: 'example', value }));
  try {
    list.push({ source: 'faker', value: await fake(holder.schema) });
  } catch (e) {
    list.push({ source: 'faker', error: String(e && e.message || e) });
  }
  return list;
}

const out = {};
for (const [path, itemRef] of Object.entries(doc.paths ?? {})) {
  const item = deref(itemRef);
  for (const method of METHODS) {
    const op = item[method];
    if (!op) continue;
    const params = {};
    const merged = new Map();
    for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map(p => deref(p))) merged.set(p.in + ':' + p.name, p);
    for (const [key, p] of merged) {
      const holder = p.schema ? p : Object.values(p.content ?? {})[0] ?? {};
      params[key] = await candidates(holder);
    }
    const bodies = {};
    const body = deref(op.requestBody);
    for (const [media, m] of Object.entries(body?.content ?? {})) bodies[media] = await candidates(m);
    out[method.toUpperCase() + ' ' + path] = { params, bodies };
  }
}
fs.writeFileSync(outPath, JSON.stringify(out, null, 1));
