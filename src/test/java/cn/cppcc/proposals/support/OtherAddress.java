package cn.cppcc.proposals.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Requests from another client address than the tests' 127.0.0.1, without any header to trust: a
 * socket bound to another loopback address (on Linux all of 127.0.0.0/8 is loopback).
 */
public final class OtherAddress {

    public static final String ADDRESS = "127.0.0.2";

    private OtherAddress() {
    }

    /** Whether this machine can send from {@link #ADDRESS}. */
    public static boolean available() {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(ADDRESS, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The status of a GET with Basic credentials from {@link #ADDRESS}. */
    public static int get(int port, String user, String password, String path) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(ADDRESS, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic " + credentials
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
