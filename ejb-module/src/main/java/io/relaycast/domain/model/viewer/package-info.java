/**
 * Viewing sessions of a stream ({@code LivestreamViewer}) and the statistics over them.
 */
package io.relaycast.domain.model.viewer;
