package dev.tayori.dkim;

import java.io.ByteArrayOutputStream;

/**
 * An RSA key in PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) wrapped as PKCS#8, which is all the JDK
 * reads: PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier rsaEncryption NULL,
 * OCTET STRING holding the PKCS#1 key } (RFC 5208). A few bytes of DER in front, no parsing.
 */
final class Pkcs1 {
    /** SEQUENCE { OID 1.2.840.113549.1.1.1, NULL } */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private Pkcs1() {
    }

    static byte[] toPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream(pkcs1.length + 32);
        inner.writeBytes(VERSION_0);
        inner.writeBytes(RSA_ALGORITHM);
        tagged(inner, 0x04, pkcs1);
        ByteArrayOutputStream outer = new ByteArrayOutputStream(pkcs1.length + 40);
        tagged(outer, 0x30, inner.toByteArray());
        return outer.toByteArray();
    }

    private static void tagged(ByteArrayOutputStream out, int tag, byte[] content) {
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
    }
}
