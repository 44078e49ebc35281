/** A form-encoded REST body as @fastify/formbody parses it: repeated names become arrays. */
export type FormParams = Readonly<Record<string, string | string[] | undefined>>;

export function formParam(params: FormParams | undefined, name: string): string | undefined {
  const value = params?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Resource paths end in "{Sid}.json"; the twilio client always asks for JSON. */
export function sidFromFile(file: string): string {
  return file.endsWith('.json') ? file.slice(0, -'.json'.length) : file;
}
