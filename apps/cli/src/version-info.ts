import { version } from '../package.json';

/** berth's own version, from its package (`berth -v`, `berth version`). */
export const BERTH_VERSION: string = version;
