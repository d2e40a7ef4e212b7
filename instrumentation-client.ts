import { config } from 'zod';

// Zod compiles object parsers with `new Function` when it may; pages' CSP has no 'unsafe-eval', and even zod's probe
// for it is reported as a violation. Turn that fast path off in the browser before any schema is built.
config({ jitless: true });
