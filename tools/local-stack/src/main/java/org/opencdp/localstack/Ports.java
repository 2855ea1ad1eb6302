package org.opencdp.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port checks done before a server starts, so a clash is reported in one clear sentence. */
public final class Ports {

    private Ports() {}

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireFree(int port, String forWhat) {
        if (!isFree(port)) {
            throw new LocalStackException("port " + port + " (for " + forWhat + ") is already in use. "
                    + "Stop whatever listens there (`ss -ltnp 'sport = :" + port + "'` shows it), "
                    + "or, if it is an earlier run of this suite, run `make stop`.");
        }
    }

    /** A port the operating system considers free right now. */
    public static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalStackException("no free local port: " + e.getMessage(), e);
        }
    }
}
