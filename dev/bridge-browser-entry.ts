/**
 * Page entry of the bridge client: defines `window.ferry` the way contextBridge would — one
 * frozen, non-writable object — before any app script runs.
 */
import { createFerryApi } from '../electron/preload/api';
import { createBridgeTransport } from './bridge-client';

declare const __FERRY_BRIDGE_TOKEN__: string | undefined;

const api = createFerryApi(createBridgeTransport(window.location.origin, typeof __FERRY_BRIDGE_TOKEN__ === 'string' ? __FERRY_BRIDGE_TOKEN__ : undefined));
Object.defineProperty(window, 'ferry', { value: api, writable: false, configurable: false, enumerable: true });
