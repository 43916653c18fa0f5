package io.relaycast.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void parsesTheThreeFormsOfASingleRange() {
        assertEquals(new ByteRange(0, 99), ByteRange.parse("bytes=0-99", 1000));
        assertEquals(new ByteRange(500, 999), ByteRange.parse("bytes=500-", 1000));
        assertEquals(new ByteRange(900, 999), ByteRange.parse("bytes=-100", 1000));
        assertEquals(new ByteRange(990, 999), ByteRange.parse("bytes=990-5000", 1000), "end is clamped");
        assertEquals(new ByteRange(0, 999), ByteRange.parse("bytes=-5000", 1000), "suffix longer than the file");
        assertEquals(100, ByteRange.parse("bytes=0-99", 1000).length());
    }

    @Test
    void noUsableRangeMeansTheWholeFile() {
        assertNull(ByteRange.parse(null, 1000));
        assertNull(ByteRange.parse("items=0-5", 1000));
        assertNull(ByteRange.parse("bytes=0-5,10-20", 1000));
        assertNull(ByteRange.parse("bytes=abc-", 1000));
        assertNull(ByteRange.parse("bytes=-", 1000));
    }

    @Test
    void rangesOutsideTheFileAreUnsatisfiable() {
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=1000-", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=50-10", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=-0", 1000));
    }
}
