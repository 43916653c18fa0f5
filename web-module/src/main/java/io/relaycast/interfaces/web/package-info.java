/**
 * Server-rendered pages (console, watch, profile, sign-in) and the filters every request passes.
 */
package io.relaycast.interfaces.web;
