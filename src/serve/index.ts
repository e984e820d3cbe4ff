// The local web form (`jixiao serve`): the only room that imports fastify. Re-exports only.
export { startServer, type FormStore, type RunningServer, type ServeOptions } from './server';
export { isLoopback } from './loopback';
