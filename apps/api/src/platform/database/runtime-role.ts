/** The role the api runs as: owns no table, not superuser, no BYPASSRLS. */
export const RUNTIME_ROLE = 'socialcrm_app';
