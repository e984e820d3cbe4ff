// The local web form (`jixiao serve`): the only room that imports fastify. Re-exports only.
export { startServer, type RunningServer, type ServeOptions } from './server';
export type { FormStore } from './formStore';
export { isLoopback } from './loopback';
