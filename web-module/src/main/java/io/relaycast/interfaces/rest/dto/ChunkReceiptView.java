package io.relaycast.interfaces.rest.dto;

import io.relaycast.application.recording.RecordingService.ChunkReceipt;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChunkReceipt")
public record ChunkReceiptView(
        @Schema(example = "42") int seq,
        @Schema(description = "Bytes stored for this chunk", example = "48211") long size,
        @Schema(description = "True when this chunk had already been stored (a retry)") boolean duplicate,
        @Schema(description = "Bytes of the recording stored so far", example = "2025862") long totalBytes) {

    public static ChunkReceiptView of(ChunkReceipt r) {
        return new ChunkReceiptView(r.seq(), r.size(), r.duplicate(), r.totalBytes());
    }
}
