package org.opencdp.profile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The service started the way the Helm chart starts it with cert-manager certificates (helm/opencdp, global.tls.mode
 * cert-manager): the same settings (QUARKUS_HTTP_SSL_CERTIFICATE_FILES, ..._KEY_FILES, QUARKUS_HTTP_INSECURE_REQUESTS=
 * disabled) with PEM files as cert-manager writes them, issued here by a throwaway CA made with the JDK's keytool. It
 * answers over HTTPS to a client that trusts that CA, refuses a client that does not, and opens no plain HTTP port.
 */
@QuarkusTest
@WithPostgres
@TestProfile(HttpsOnlyTest.ClusterTls.class)
class HttpsOnlyTest {

    /** The settings the chart's Deployment sets, pointing at certificates made for this test run. */
    public static class ClusterTls implements QuarkusTestProfile {

        // The profile and the test class are loaded by different class loaders; system properties make both see
        // the same certificates and port.
        static final Path DIR = Path.of(
                shared("opencdp.test.tls.dir", () -> TestCertificates.issue().toString()));
        /** Where plain HTTP would listen if it were opened. */
        static final int HTTP_PORT =
                Integer.parseInt(shared("opencdp.test.tls.http-port", () -> Integer.toString(freePort())));

        private static synchronized String shared(String key, java.util.function.Supplier<String> value) {
            String existing = System.getProperty(key);
            if (existing == null) {
                existing = value.get();
                System.setProperty(key, existing);
            }
            return existing;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.ssl.certificate.files", DIR.resolve("tls.crt").toString(),
                    "quarkus.http.ssl.certificate.key-files",
                            DIR.resolve("tls.key").toString(),
                    "quarkus.http.insecure-requests", "disabled",
                    "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.test-port", Integer.toString(HTTP_PORT));
        }

        private static int freePort() {
            try (var socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aClientThatTrustsTheClusterCaIsServedOverHttps() throws Exception {
        HttpResponse<String> response = client(trusting(ClusterTls.DIR.resolve("ca.crt")))
                .send(
                        HttpRequest.newBuilder(URI.create(httpsUrl() + "/api/v1/me"))
                                .header("Authorization", "Bearer " + TestTokens.forRole("sales"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"sales.user\"");
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefused() {
        assertThatThrownBy(() -> client(SSLContext.getDefault())
                        .send(
                                HttpRequest.newBuilder(URI.create(httpsUrl() + "/api/v1/me"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void noPlainHttpPortIsOpen() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class))
                .isEqualTo(ClusterTls.HTTP_PORT);
        assertThatThrownBy(() -> HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://localhost:" + ClusterTls.HTTP_PORT + "/api/v1/me"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    private static String httpsUrl() {
        return io.quarkus.test.common.http.TestHTTPResourceManager.getSslUri().replaceAll("/$", "");
    }

    private static HttpClient client(SSLContext ssl) {
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            trust.setCertificateEntry("cluster-ca", (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** A CA and a server certificate for localhost, written as cert-manager writes them: tls.crt, tls.key, ca.crt. */
    static final class TestCertificates {

        private static final String PASSWORD = "throwaway";

        static Path issue() {
            try {
                Path dir = Files.createTempDirectory("opencdp-tls-test");
                dir.toFile().deleteOnExit();
                keytool(
                        dir,
                        "-genkeypair",
                        "-alias",
                        "ca",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=OpenCDP test CA",
                        "-ext",
                        "bc:c",
                        "-keystore",
                        "ca.p12");
                keytool(dir, "-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.crt");
                keytool(
                        dir,
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=localhost",
                        "-keystore",
                        "server.p12");
                keytool(dir, "-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr");
                keytool(
                        dir,
                        "-gencert",
                        "-alias",
                        "ca",
                        "-keystore",
                        "ca.p12",
                        "-infile",
                        "server.csr",
                        "-outfile",
                        "tls.crt",
                        "-rfc",
                        "-ext",
                        "san=dns:localhost",
                        "-ext",
                        "eku=serverAuth");
                KeyStore server = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
                    server.load(in, PASSWORD.toCharArray());
                }
                byte[] key = server.getKey("server", PASSWORD.toCharArray()).getEncoded();
                Files.writeString(
                        dir.resolve("tls.key"),
                        "-----BEGIN PRIVATE KEY-----\n"
                                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key)
                                + "\n-----END PRIVATE KEY-----\n");
                return dir;
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the test certificates", e);
            }
        }

        private static void keytool(Path dir, String... arguments) throws Exception {
            String[] command = new String[arguments.length + 5];
            command[0] =
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            System.arraycopy(arguments, 0, command, 1, arguments.length);
            command[arguments.length + 1] = "-storepass";
            command[arguments.length + 2] = PASSWORD;
            command[arguments.length + 3] = "-noprompt";
            command[arguments.length + 4] = "-v";
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + "\n" + output);
            }
        }
    }
}
