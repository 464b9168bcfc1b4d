/** The JSON shape of every error answer: `{ error: { code, message, hint?, details? } }`. */
import { z } from 'zod';

export const errorResponse = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string(),
    hint: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
