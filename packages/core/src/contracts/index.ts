// What a context's published language is built with; the one entry point of core that needs zod (a peer).
export { eventEnvelope } from './event-envelope.js';
