// Lists, with the harness's own model of a spec (lib/spec.mjs), every channel's messages in both directions, and
// one valid sample of each message the client may send, made by the same generator the server uses for its own
// samples (json-schema-faker, checked against the validation schema). WsConformanceTest copies this file into its
// copy of shared/harness/ws and runs it there, so the samples and the judge share one reading of the spec.
//
//   node ws-messages.mjs --spec FILE [--perspective client|server] [--seed N]
//
// Prints JSON: { channels: [{ id, address, clientMessages: [{ id, name, binary, sample, sampleBase64, source,
// unavailable }], serverMessages: [{ id, name, binary, sampleAvailable, alsoValidFor }], unknownTypeValidFor }] }
// A server message without a valid sample is one the server will not send (its sent.samplesUnavailable); the seed and
// the generator are the server's, so this tells the test how many frames to expect.
import { parseArgs } from 'node:util';
import { loadSpec, buildModel, makeSample } from './lib/spec.mjs';

const { values: opts } = parseArgs({
  options: {
    spec: { type: 'string' },
    perspective: { type: 'string', default: 'client' },
    seed: { type: 'string', default: '1' },
  },
});
if (!opts.spec) {
  console.error('usage: node ws-messages.mjs --spec FILE [--perspective client|server] [--seed N]');
  process.exit(2);
}

const loaded = await loadSpec(opts.spec);
if (!loaded.document) {
  console.error(`the spec could not be parsed: ${opts.spec}`);
  process.exit(3);
}
const model = buildModel(loaded, { perspective: opts.perspective });
const seed = Number(opts.seed);

function clientMessage(m) {
  const s = makeSample(m, { seed, prefer: 'generated' });
  const out = { id: m.id, name: m.name ?? null, binary: m.binary };
  if (!s.ok) return { ...out, unavailable: s.generator?.lastErr || 'no generated or example payload validates against the schema' };
  if (s.binary) return { ...out, sampleBase64: Buffer.from(s.value).toString('base64'), source: s.source };
  return { ...out, sample: JSON.stringify(s.value), source: s.source };
}

// The other server messages whose schema also accepts `value`: a client cannot tell those apart from the message
// the harness meant, so the spec itself leaves the type open between them.
const alsoValid = (value, messages, except) => messages
  .filter((o) => o !== except && typeof o.validate === 'function' && o.validate(value)).map((o) => o.id);

function serverMessages(c) {
  const out = [];
  let template = null;
  for (const m of c.serverMessages) {
    const s = makeSample(m, { seed, prefer: 'generated' });
    if (s.ok && !s.binary && !template) template = { m, value: s.value };
    out.push({
      id: m.id, name: m.name ?? null, binary: m.binary, sampleAvailable: s.ok,
      alsoValidFor: s.ok && !s.binary ? alsoValid(s.value, c.serverMessages, m) : [],
    });
  }
  // The fragmented scenario's unknown-type frame, built as server.mjs builds it: the first text sample with its
  // discriminator (or "type") set to x.unknown.type. Where that is still a valid message, it is not unknown.
  let unknownTypeValidFor = [];
  if (template) {
    const base = template.value && typeof template.value === 'object' && !Array.isArray(template.value) ? structuredClone(template.value) : {};
    base[template.m.discriminator?.property || 'type'] = 'x.unknown.type';
    unknownTypeValidFor = alsoValid(base, c.serverMessages, null);
  }
  return { serverMessages: out, unknownTypeValidFor };
}

const channels = model.channels.map((c) => ({
  id: c.id,
  address: c.address ?? null,
  clientMessages: c.clientMessages.map(clientMessage),
  ...serverMessages(c),
}));
process.stdout.write(JSON.stringify({ channels }));
