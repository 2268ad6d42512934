// The building blocks of the reply schemas (server/replies/*.ts): the OpenAPI document describes
// the answers from them, and Fastify serialises with them (fast-json-stringify).
// - The contract's fields are required (a reply without one fails loudly, never silently);
//   Talon's additions are listed but optional. An endpoint of Talon's own requires the fields
//   docs/API-EXTENSIONS.md names for it.
// - Every object keeps fields not listed here (additionalProperties), so a schema never strips
//   what a view carries.
// - No const: fast-json-stringify prints a const whatever the value. Enums are text with `enum`.
// - A nullable value is a type list, which fast-json-stringify serialises without trying each
//   branch; a listed number that may have decimals is `Num`, never `Int` (an integer is
//   truncated), and a listed field must never be null unless it says so (null prints as 0, "").
import { Type, type Static, type TProperties, type TSchema } from 'typebox';

const open = { additionalProperties: true } as const;
export const Obj = <P extends TProperties>(props: P, description?: string) => Type.Object(props, { ...open, ...(description ? { description } : {}) });
export const Opt = Type.Optional;
export const Arr = Type.Array;

/** A nullable value as a type list. */
export function OrNull<T extends TSchema>(t: T): TSchema & { static: Static<T> | null } {
  const s = t as unknown as { type: string | string[] };
  return Type.Unsafe<Static<T> | null>({ ...t, type: [...[s.type].flat(), 'null'] }) as never;
}

export const Int = Type.Integer();
export const Num = Type.Number();
export const Str = Type.String();
export const Bool = Type.Boolean();
export const Time = Type.String({ format: 'date-time' });
export const Day = Type.String({ format: 'date', description: 'A hall day, YYYY-MM-DD' });
export const HHMM = Type.String({ description: 'Local time HH:MM' });
/** Any JSON value, passed through as it is (JSON.stringify). */
export const Any = Type.Unknown();
/** An object of any fields, kept as they are. */
export const AnyObj = (description?: string) => Obj({}, description);
/** Text or a number (a device id is a number, the server's own printer's is text). */
export const IntOrStr = Type.Unsafe<number | string>({ type: ['integer', 'string'] });
/** A map by text key (ids, weekdays, days). */
export const Dict = <T extends TSchema>(value: T) => Type.Record(Type.String(), value);

export const Ref = Obj({ id: Int, name: Str });
export const Choice = Obj({ id: Str, ru: Str, en: Str });

export const ErrorReply = Obj({
  error: Type.String({ description: 'Stable machine code: validation, not_found, unauthorized, forbidden, conflict, rate_limited, …' }),
  message: Str,
  path: Opt(Type.String({ description: 'The JSON pointer of the input field at fault, where there is one' })),
});
/** The error answers a route documents, by status code. */
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorReply]));
/** A staff route's refusals: no valid token, or a role that lacks the right. */
export const staffErrors = (...codes: number[]) => errors(401, 403, ...codes);

/**
 * A reply that is a file or a stream, not JSON: the document names its media type. Fastify sends
 * text, buffers and streams as they are; the string schema only says "the body".
 */
export const file = (mediaType: string, description: string, binary = true) =>
  ({ description, content: { [mediaType]: { schema: Type.String(binary ? { format: 'binary' } : {}) } } });

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Compile-time check that a view's TypeScript type fits its reply schema. */
export type Fits<View, S extends TSchema> = View extends Static<S> ? true : never;
