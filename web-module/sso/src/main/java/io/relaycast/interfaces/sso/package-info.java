/**
 * Single sign-on entry: a protected page that Liberty's OpenID Connect client signs the browser in
 * for, which then returns to the console page the person came from. Deployed only with single
 * sign-on (oidc/sso.xml).
 */
package io.relaycast.interfaces.sso;
