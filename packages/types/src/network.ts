// Shapes of the Engine API's network objects (API v1.41).
import type { EndpointSettings } from './container';

export interface IPAMConfig {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

export interface IPAM {
  Driver?: string;
  Config?: IPAMConfig[];
  Options?: Record<string, string>;
}

/** The body of `POST /networks/create`. */
export interface NetworkCreateRequest {
  Name: string;
  CheckDuplicate?: boolean;
  Driver?: string;
  Scope?: string;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  ConfigOnly?: boolean;
  ConfigFrom?: { Network: string };
  IPAM?: IPAM;
  EnableIPv6?: boolean;
  Options?: Record<string, string>;
  Labels?: Record<string, string>;
}

/** The body of `POST /networks/{id}/connect`. */
export interface NetworkConnectRequest {
  Container: string;
  EndpointConfig?: EndpointSettings;
}
