import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The audit log is append-only in code: only the audit model and repository reach its collection
// (test/unit/data-access-boundary.test.ts keeps every other module out of src/adapters/mongo), and
// neither calls anything that changes or removes a document. The one exception is retention
// (FerretDB has no TTL index), which removes whole entries older than the configured days from the
// front of a closed account's chain; `audit verify` tells that expired prefix from a deletion.
const root = join(__dirname, '../..');
const mongoLayer = 'src/adapters/mongo';
const auditFiles = ['src/adapters/mongo/models/audit-event.model.ts', 'src/adapters/mongo/repositories/audit.repository.ts'];
/** The registries that hand the model from one to the other. */
const wiring = ['src/adapters/mongo/models/index.ts', 'src/adapters/mongo/repositories/index.ts'];
const retention = 'src/adapters/mongo/repositories/retention.repository.ts';
/** Reads a person's records for the timeline, and writes nothing anywhere. */
const readOnly = ['src/adapters/mongo/repositories/person-records.repository.ts'];

const changesDocuments =
  /\.\s*(updateOne|updateMany|replaceOne|findOneAndUpdate|findOneAndReplace|findOneAndDelete|findByIdAndUpdate|findByIdAndDelete|findByIdAndRemove|deleteOne|deleteMany|remove|bulkWrite|bulkSave|save|findOneAndRemove)\s*\(|\$(set|setOnInsert|unset|inc|push|pull|rename)\b|upsert/;
const namesAuditCollection = /auditEvent|audit_events|AuditEventDoc/;

const layerFiles = readdirSync(join(root, mongoLayer), { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => relative(root, join(entry.parentPath, entry.name)));

describe('the audit log is append-only', () => {
  it('when the audit model and repository are read, then neither updates, replaces or deletes a document', () => {
    const offenders = auditFiles.flatMap((file) => {
      const found = readFileSync(join(root, file), 'utf8').match(new RegExp(changesDocuments, 'g')) ?? [];
      return found.map((call) => `${file}: ${call}`);
    });
    expect(offenders).toEqual([]);
  });

  it('when the data layer is read, then only the audit model and repository (and their registries) name the audit collection', () => {
    expect(layerFiles).toEqual(expect.arrayContaining([...auditFiles, ...wiring]));
    const others = layerFiles.filter((file) => ![...auditFiles, ...wiring, retention, ...readOnly].includes(file) && namesAuditCollection.test(readFileSync(join(root, file), 'utf8')));
    expect(others).toEqual([]);
    for (const file of readOnly) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(changesDocuments);
  });

  it('when retention names the audit log, then only to delete entries by their date, never to change one', () => {
    const code = readFileSync(join(root, retention), 'utf8');
    expect(code.match(/auditEvents: \{[^}]*\}/)?.[0]).toContain("dateField: 'at'");
    expect(code).not.toMatch(/\.\s*(updateOne|updateMany|replaceOne|findOneAndUpdate|bulkWrite)\s*\(|\$set\b/);
  });
});
