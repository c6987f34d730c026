export { type Credentials, decodeAuth, encodeAuth, registryAuth } from './auth';
export {
  type AuthEntry,
  type ConfigFile,
  configDirectory,
  helperFor,
  parseConfigFile,
  serializeConfigFile,
} from './config-file';
export { CredentialsError, type CredentialsErrorCode } from './errors';
export { CredentialHelper, type HelperAction, type HelperRunner, NOT_FOUND_REPLY, spawnHelper } from './helper';
export { credentialKey, DOCKER_HUB_KEY, hostnameOf } from './server';
export { type ConfigFiles, CredentialStore, nodeConfigFiles, type StoreOptions } from './store';
