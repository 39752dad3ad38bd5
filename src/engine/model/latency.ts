/** Fixed one-way delays of the wired part of the system (the mobile link adds its own). */
/** Gateway to the phone's cell tower, inside the operator and datacenter network. */
export const CORE_NETWORK_MS = 5;
/** One hop inside the datacenter (gateway ⇄ session manager ⇄ store). */
export const DATACENTER_MS = 5;
