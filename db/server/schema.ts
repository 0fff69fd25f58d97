import type { Generated } from 'kysely';

// The central server's tables (Kysely types). Records synced from desktops arrive with the sync
// protocol; these are the tables the server needs for itself: centers, accounts, devices, tokens.

type Bool = number;

export interface ServerMetaTable {
  key: string;
  value: string;
}

export interface ServerCenterTable {
  code: string;
  name: string;
  sido: string;
  sigungu: string | null;
  created_at: string;
}

export interface ServerUserTable {
  id: string;
  login_id: string;
  display_name: string;
  role: 'counselor' | 'supervisor' | 'admin';
  center_code: string;
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  active: Generated<Bool>;
  created_at: string;
  updated_at: string;
}

export interface DeviceTable {
  id: string;
  user_id: string;
  name: string;
  registered_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

export interface RefreshTokenTable {
  /** SHA-256 of the token: a stolen database does not hand out sessions. */
  token_hash: string;
  user_id: string;
  device_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ServerDatabase {
  server_meta: ServerMetaTable;
  centers: ServerCenterTable;
  users: ServerUserTable;
  devices: DeviceTable;
  refresh_tokens: RefreshTokenTable;
}
