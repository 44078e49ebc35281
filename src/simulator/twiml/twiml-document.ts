import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element of a TwiML document. */
export interface TwimlNode {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: readonly TwimlNode[];
  /** The element's own text, whitespace collapsed (text inside child elements excluded). */
  text: string;
  /** Text and child elements in document order. */
  content: ReadonlyArray<TwimlNode | string>;
}

/** TwiML Twilio cannot run: 12100 (not XML, or no <Response> root) or 12200 (schema violation). */
export class TwimlError extends Error {
  constructor(
    readonly code: 12100 | 12200,
    readonly reason: string,
  ) {
    super(`${code === 12100 ? 'Document parse failure' : 'Schema validation warning'}: ${reason}`);
    this.name = 'TwimlError';
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses a TwiML document into its <Response> element. */
export function parseTwiml(xml: string): TwimlNode {
  if (xml.trim() === '') throw new TwimlError(12100, 'the response body is empty');
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new TwimlError(12100, `${msg} (line ${line}, column ${col})`);
  }
  const roots = (parser.parse(xml) as OrderedNode[]).map(toNode).filter((n): n is TwimlNode => n !== null);
  const root = roots.find((node) => !node.name.startsWith('?'));
  if (!root || root.name !== 'Response') {
    throw new TwimlError(12100, `the root element must be <Response>, found <${root?.name ?? 'nothing'}>`);
  }
  return root;
}

/** All text inside a node, child elements included (SSML inside <Say>). */
export function textContent(node: TwimlNode): string {
  const parts = node.content.map((part) => (typeof part === 'string' ? part : textContent(part)));
  return collapse(parts.filter((part) => part !== '').join(' '));
}

function toNode(ordered: OrderedNode): TwimlNode | null {
  const name = Object.keys(ordered).find((key) => key !== ':@');
  if (name === undefined || name === '#text') return null;
  const items = (ordered[name] as OrderedNode[] | undefined) ?? [];
  const content = items
    .map((item) => ('#text' in item ? collapse(String(item['#text'])) : toNode(item)))
    .filter((part): part is TwimlNode | string => part !== null && part !== '');
  const children = content.filter((part): part is TwimlNode => typeof part !== 'string');
  const text = collapse(content.filter((part): part is string => typeof part === 'string').join(' '));
  return { name, attributes: ordered[':@'] ?? {}, children, text, content };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
