import { parseDocument, visit, type Document } from 'yaml';

// Campaign documents as people write them, YAML or JSON, read into plain data for validateCampaign.
// Only the syntax is checked here, with the line and column of the first mistake.

export type CampaignDocumentFormat = 'yaml' | 'json';

export class CampaignDocumentError extends Error {
  override readonly name = 'CampaignDocumentError';

  constructor(
    readonly format: CampaignDocumentFormat,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${format.toUpperCase()} syntax error at line ${line}, column ${column}: ${reason}`);
  }
}

/** The document's data; throws CampaignDocumentError for text that is not valid YAML or JSON. */
export function parseCampaignDocument(text: string, format: CampaignDocumentFormat): unknown {
  return format === 'yaml' ? parseYaml(text) : parseJson(text);
}

function parseYaml(text: string): unknown {
  // YAML 1.2 core schema (the library default): '08:00' and '2026-12-25' stay text, 'no' is not false.
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const position = error.linePos?.[0] ?? { line: 1, col: 1 };
    // The library's message repeats the position and quotes the source; its first line is the reason.
    const reason =
      error.code === 'MULTIPLE_DOCS'
        ? "a second document starts here ('---'): a campaign file holds one document"
        : error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new CampaignDocumentError('yaml', position.line, position.col, reason);
  }
  try {
    return document.toJS();
  } catch (error) {
    throw aliasError(text, document, (error as Error).message);
  }
}

/**
 * Aliases are resolved only when the document becomes data, after it parsed: an alias to an
 * anchor not set before it, or aliases that expand past the library's maxAliasCount (100; a
 * "billion laughs" document), fail there, with no position. The position is the alias's.
 */
function aliasError(text: string, document: Document, message: string): CampaignDocumentError {
  const unresolved = /^Unresolved alias.*: (.+)$/.exec(message)?.[1];
  let offset: number | undefined;
  visit(document, {
    Alias(_key, alias) {
      if (unresolved !== undefined && alias.source !== unresolved) return undefined;
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  const { line, column } = lineAndColumn(text, offset ?? 0);
  const reason =
    unresolved !== undefined
      ? `the alias *${unresolved} names no anchor (&${unresolved}) set before it`
      : /Excessive alias count/.test(message)
        ? 'aliases expand into too much data (more than 100 aliased nodes): write the values out'
        : message;
  return new CampaignDocumentError('yaml', line, column, reason);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = jsonSyntaxErrorOffset(text);
    const { line, column } = lineAndColumn(text, offset);
    throw new CampaignDocumentError('json', line, column, jsonMistake((error as Error).message, text, offset));
  }
}

/** JSON.parse's own words when it gives a position, else what the scanner found at `offset`. */
function jsonMistake(message: string, text: string, offset: number): string {
  if (/ at position \d+/.test(message)) return message.replace(/(?: in JSON)? at position \d+.*$/s, '');
  if (offset >= text.length) return 'the document ends before it is complete';
  return `unexpected '${/^\S{1,20}/.exec(text.slice(offset))?.[0] ?? text[offset]}'`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const jsonString = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const jsonScalar = new RegExp(`${jsonString.source}|-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?![\\d.eE])|true|false|null`, 'y');

/** Thrown by the scanner where the text stops being JSON. */
class NotJson {}

/**
 * Offset of the first character that makes `text` invalid JSON (RFC 8259), `text.length` when it
 * ends too early. Node 20's JSON.parse reports a position for some mistakes and not for others
 * ("Unexpected token '}'"), so the position is found by scanning the text with the JSON grammar.
 */
function jsonSyntaxErrorOffset(text: string): number {
  let at = 0;
  const skipWhitespace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const expect = (pattern: RegExp) => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) throw new NotJson();
    at += match[0].length;
  };
  const sequence = (close: string, member: () => void) => {
    at++;
    skipWhitespace();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      member();
      skipWhitespace();
      if (text[at] === close) {
        at++;
        return;
      }
      expect(/,/y);
    }
  };
  const value = (): void => {
    skipWhitespace();
    if (text[at] === '{') {
      sequence('}', () => {
        skipWhitespace();
        expect(jsonString);
        skipWhitespace();
        expect(/:/y);
        value();
      });
    } else if (text[at] === '[') {
      sequence(']', value);
    } else {
      expect(jsonScalar);
    }
  };
  try {
    value();
    skipWhitespace();
    return at;
  } catch (stop) {
    if (stop instanceof NotJson) return at;
    throw stop;
  }
}
