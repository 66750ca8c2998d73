// Runs the npm package openapi-diff on two documents and writes its result (or why it refused them) as JSON to a
// file: written synchronously, so a large result is never cut short as a pipe to a process that exits may cut it.
const fs = require('fs');
const diff = require('openapi-diff');
const [before, after, out] = process.argv.slice(2);
const format = text => (/^\s*\{?\s*"?swagger"?\s*:/m.test(text) ? 'swagger2' : 'openapi3');
(async () => {
  const source = fs.readFileSync(before, 'utf8');
  const destination = fs.readFileSync(after, 'utf8');
  try {
    const result = await diff.diffSpecs({
      sourceSpec: { content: source, location: 'before', format: format(source) },
      destinationSpec: { content: destination, location: 'after', format: format(destination) },
    });
    fs.writeFileSync(out, JSON.stringify(result));
  } catch (e) {
    fs.writeFileSync(out, JSON.stringify({ refused: String((e && e.message) || e) }));
  }
})();
