// TypeBox schemas shared by the routes. Bodies reject unknown fields; ids are positive integers.
import { Type, type Static } from 'typebox';

export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
/** Ids in a path or a query arrive as text; the pattern keeps "1e3", "-1" and "x" out before Number(). */
export const IdText = Type.String({ pattern: '^[1-9][0-9]{0,9}$' });
export const IdParams = Type.Object({ id: IdText });
export type IdParams = Static<typeof IdParams>;


export const Prefix = Type.String({ minLength: 1, maxLength: 3, pattern: '^[A-Za-zА-ЯЁа-яё]{1,3}$' });
/** A calendar day 'YYYY-MM-DD' (routes/checks.ts checkedDay: that it exists). */
export const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
export const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Role = Type.Union([Type.Literal('operator'), Type.Literal('supervisor'), Type.Literal('admin')]);
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const Password = Type.String({ minLength: 8, maxLength: 200 });

export const strict = { additionalProperties: false } as const;
