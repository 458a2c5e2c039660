/**
 * One user store, the engine's identity service, for the API, the pages and the Camunda webapps:
 * authentication behind one login throttle (per client address, on every door), the directory of
 * users and groups, the demo users of API.md, and the administrator's emergency reset.
 */
package cn.cppcc.proposals.identity;
