// Shapes of `GET /events` (API v1.41): what the engine reports as objects change.

export type EventType =
  | 'builder'
  | 'config'
  | 'container'
  | 'daemon'
  | 'image'
  | 'network'
  | 'node'
  | 'plugin'
  | 'secret'
  | 'service'
  | 'volume';

export interface EventActor {
  ID: string;
  Attributes: Record<string, string>;
}

/** One message of `GET /events`; `Action` is e.g. `create`, `start`, `die` (with `exitCode`), `health_status: healthy`. */
export interface EventMessage {
  Type: EventType;
  Action: string;
  Actor: EventActor;
  scope: 'local' | 'swarm';
  /** Seconds since the epoch. */
  time: number;
  timeNano: number;
}
