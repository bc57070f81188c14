package autosdk.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import javax.net.SocketFactory;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The sockets of one WebSocket connection, each watched by a {@link WsFrameGuard}: a {@link SocketFactory} and an
 * {@link SSLSocketFactory} that wrap what the caller's factories create. Plain sockets are watched directly; when TLS
 * is layered on one, that socket stops watching (it carries ciphertext) and the TLS socket, whose streams are
 * plaintext, is watched instead. Every other call goes to the caller's socket unchanged, so their socket options,
 * trust manager, protocols and cipher suites apply. {@link Socket#getChannel()} returns null: every byte goes through
 * the guard.
 */
final class WsGuardedSockets {

    private final long maxMessageSize;
    private final Duration closeTimeout;
    private final WsFrameGuard.Events events;
    /** One per socket created (a connect may try several addresses); only the one that carried the upgrade matters. */
    private final List<WsFrameGuard> guards = new CopyOnWriteArrayList<>();

    WsGuardedSockets(long maxMessageSize, Duration closeTimeout, WsFrameGuard.Events events) {
        this.maxMessageSize = maxMessageSize;
        this.closeTimeout = closeTimeout;
        this.events = events;
    }

    /** Whether the 101 upgrade arrived on a watched socket; false means its frames escaped the guard. */
    boolean upgradeWatched() {
        return guards.stream().anyMatch(WsFrameGuard::upgraded);
    }

    /** Wakes any read waiting on a refused message: the connection is going away. */
    void release() {
        guards.forEach(WsFrameGuard::release);
    }

    /** A factory of plain sockets from {@code plain}, each watched. */
    SocketFactory plain(SocketFactory plain) {
        return new PlainFactory(plain);
    }

    /** A factory of TLS sockets from {@code tls}, each watched above TLS. */
    SSLSocketFactory tls(SSLSocketFactory tls) {
        return new TlsFactory(tls);
    }

    private WsFrameGuard newGuard() {
        WsFrameGuard guard = new WsFrameGuard(maxMessageSize, closeTimeout, events);
        guards.add(guard);
        return guard;
    }

    private Socket watched(Socket socket) {
        return new GuardedSocket(socket, newGuard());
    }

    private SSLSocket watched(SSLSocket socket) {
        return new GuardedSslSocket(socket, newGuard());
    }

    /** Wraps every socket of the caller's factory. */
    private final class PlainFactory extends SocketFactory {
        private final SocketFactory delegate;

        PlainFactory(SocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public Socket createSocket() throws IOException {
            return watched(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return watched(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return watched(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return watched(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return watched(delegate.createSocket(address, port, localAddress, localPort));
        }
    }

    /** Wraps every TLS socket of the caller's factory; a plain socket TLS is layered on stops being watched. */
    private final class TlsFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        TlsFactory(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            Socket raw = s;
            if (s instanceof GuardedSocket guarded) {
                guarded.guard.passThrough(); // ciphertext from here on; the TLS socket's guard sees the plaintext
                raw = guarded.delegate;
            }
            return watched((SSLSocket) delegate.createSocket(raw, host, port, autoClose));
        }

        @Override
        public Socket createSocket() throws IOException {
            return watched((SSLSocket) delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return watched((SSLSocket) delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return watched((SSLSocket) delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return watched((SSLSocket) delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return watched((SSLSocket) delegate.createSocket(address, port, localAddress, localPort));
        }
    }

    /** A plain socket whose streams go through its guard; everything else is the caller's socket. */
    private static final class GuardedSocket extends Socket {
        final Socket delegate;
        final WsFrameGuard guard;
        private final Streams streams;

        GuardedSocket(Socket delegate, WsFrameGuard guard) {
            this.delegate = delegate;
            this.guard = guard;
            this.streams = new Streams(delegate, guard);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return streams.input();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return streams.output();
        }

        @Override
        public synchronized void close() throws IOException {
            guard.release();
            delegate.close();
        }

        @Override
        public SocketChannel getChannel() {
            return null;
        }

        // ------------------------------------------------------------ the rest is the caller's socket

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            delegate.connect(endpoint);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            delegate.connect(endpoint, timeout);
        }

        @Override
        public void bind(SocketAddress bindpoint) throws IOException {
            delegate.bind(bindpoint);
        }

        @Override
        public InetAddress getInetAddress() {
            return delegate.getInetAddress();
        }

        @Override
        public InetAddress getLocalAddress() {
            return delegate.getLocalAddress();
        }

        @Override
        public int getPort() {
            return delegate.getPort();
        }

        @Override
        public int getLocalPort() {
            return delegate.getLocalPort();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return delegate.getRemoteSocketAddress();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return delegate.getLocalSocketAddress();
        }

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            delegate.setTcpNoDelay(on);
        }

        @Override
        public boolean getTcpNoDelay() throws SocketException {
            return delegate.getTcpNoDelay();
        }

        @Override
        public void setSoLinger(boolean on, int linger) throws SocketException {
            delegate.setSoLinger(on, linger);
        }

        @Override
        public int getSoLinger() throws SocketException {
            return delegate.getSoLinger();
        }

        @Override
        public void sendUrgentData(int data) throws IOException {
            delegate.sendUrgentData(data);
        }

        @Override
        public void setOOBInline(boolean on) throws SocketException {
            delegate.setOOBInline(on);
        }

        @Override
        public boolean getOOBInline() throws SocketException {
            return delegate.getOOBInline();
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            delegate.setSoTimeout(timeout);
        }

        @Override
        public synchronized int getSoTimeout() throws SocketException {
            return delegate.getSoTimeout();
        }

        @Override
        public synchronized void setSendBufferSize(int size) throws SocketException {
            delegate.setSendBufferSize(size);
        }

        @Override
        public synchronized int getSendBufferSize() throws SocketException {
            return delegate.getSendBufferSize();
        }

        @Override
        public synchronized void setReceiveBufferSize(int size) throws SocketException {
            delegate.setReceiveBufferSize(size);
        }

        @Override
        public synchronized int getReceiveBufferSize() throws SocketException {
            return delegate.getReceiveBufferSize();
        }

        @Override
        public void setKeepAlive(boolean on) throws SocketException {
            delegate.setKeepAlive(on);
        }

        @Override
        public boolean getKeepAlive() throws SocketException {
            return delegate.getKeepAlive();
        }

        @Override
        public void setTrafficClass(int tc) throws SocketException {
            delegate.setTrafficClass(tc);
        }

        @Override
        public int getTrafficClass() throws SocketException {
            return delegate.getTrafficClass();
        }

        @Override
        public void setReuseAddress(boolean on) throws SocketException {
            delegate.setReuseAddress(on);
        }

        @Override
        public boolean getReuseAddress() throws SocketException {
            return delegate.getReuseAddress();
        }

        @Override
        public void shutdownInput() throws IOException {
            delegate.shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            delegate.shutdownOutput();
        }

        @Override
        public boolean isConnected() {
            return delegate.isConnected();
        }

        @Override
        public boolean isBound() {
            return delegate.isBound();
        }

        @Override
        public boolean isClosed() {
            return delegate.isClosed();
        }

        @Override
        public boolean isInputShutdown() {
            return delegate.isInputShutdown();
        }

        @Override
        public boolean isOutputShutdown() {
            return delegate.isOutputShutdown();
        }

        @Override
        public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
            delegate.setPerformancePreferences(connectionTime, latency, bandwidth);
        }

        @Override
        public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
            delegate.setOption(name, value);
            return this;
        }

        @Override
        public <T> T getOption(SocketOption<T> name) throws IOException {
            return delegate.getOption(name);
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return delegate.supportedOptions();
        }

        @Override
        public String toString() {
            return "guarded " + delegate;
        }
    }

    /** A TLS socket whose (plaintext) streams go through its guard; everything else is the caller's TLS socket. */
    private static final class GuardedSslSocket extends SSLSocket {
        final SSLSocket delegate;
        final WsFrameGuard guard;
        private final Streams streams;

        GuardedSslSocket(SSLSocket delegate, WsFrameGuard guard) {
            this.delegate = delegate;
            this.guard = guard;
            this.streams = new Streams(delegate, guard);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return streams.input();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return streams.output();
        }

        @Override
        public synchronized void close() throws IOException {
            guard.release();
            delegate.close();
        }

        @Override
        public SocketChannel getChannel() {
            return null;
        }

        // ------------------------------------------------------------ TLS: the caller's socket

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return delegate.getEnabledCipherSuites();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            delegate.setEnabledCipherSuites(suites);
        }

        @Override
        public String[] getSupportedProtocols() {
            return delegate.getSupportedProtocols();
        }

        @Override
        public String[] getEnabledProtocols() {
            return delegate.getEnabledProtocols();
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            delegate.setEnabledProtocols(protocols);
        }

        @Override
        public SSLSession getSession() {
            return delegate.getSession();
        }

        @Override
        public SSLSession getHandshakeSession() {
            return delegate.getHandshakeSession();
        }

        @Override
        public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
            delegate.addHandshakeCompletedListener(listener);
        }

        @Override
        public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
            delegate.removeHandshakeCompletedListener(listener);
        }

        @Override
        public void startHandshake() throws IOException {
            delegate.startHandshake();
        }

        @Override
        public void setUseClientMode(boolean mode) {
            delegate.setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return delegate.getUseClientMode();
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            delegate.setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return delegate.getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            delegate.setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return delegate.getWantClientAuth();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            delegate.setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return delegate.getEnableSessionCreation();
        }

        @Override
        public SSLParameters getSSLParameters() {
            return delegate.getSSLParameters();
        }

        @Override
        public void setSSLParameters(SSLParameters params) {
            delegate.setSSLParameters(params);
        }

        @Override
        public String getApplicationProtocol() {
            return delegate.getApplicationProtocol();
        }

        @Override
        public String getHandshakeApplicationProtocol() {
            return delegate.getHandshakeApplicationProtocol();
        }

        @Override
        public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
            delegate.setHandshakeApplicationProtocolSelector(selector);
        }

        @Override
        public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
            return delegate.getHandshakeApplicationProtocolSelector();
        }

        // ------------------------------------------------------------ the socket: the caller's

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            delegate.connect(endpoint);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            delegate.connect(endpoint, timeout);
        }

        @Override
        public void bind(SocketAddress bindpoint) throws IOException {
            delegate.bind(bindpoint);
        }

        @Override
        public InetAddress getInetAddress() {
            return delegate.getInetAddress();
        }

        @Override
        public InetAddress getLocalAddress() {
            return delegate.getLocalAddress();
        }

        @Override
        public int getPort() {
            return delegate.getPort();
        }

        @Override
        public int getLocalPort() {
            return delegate.getLocalPort();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return delegate.getRemoteSocketAddress();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return delegate.getLocalSocketAddress();
        }

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            delegate.setTcpNoDelay(on);
        }

        @Override
        public boolean getTcpNoDelay() throws SocketException {
            return delegate.getTcpNoDelay();
        }

        @Override
        public void setSoLinger(boolean on, int linger) throws SocketException {
            delegate.setSoLinger(on, linger);
        }

        @Override
        public int getSoLinger() throws SocketException {
            return delegate.getSoLinger();
        }

        @Override
        public void sendUrgentData(int data) throws IOException {
            delegate.sendUrgentData(data);
        }

        @Override
        public void setOOBInline(boolean on) throws SocketException {
            delegate.setOOBInline(on);
        }

        @Override
        public boolean getOOBInline() throws SocketException {
            return delegate.getOOBInline();
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            delegate.setSoTimeout(timeout);
        }

        @Override
        public synchronized int getSoTimeout() throws SocketException {
            return delegate.getSoTimeout();
        }

        @Override
        public synchronized void setSendBufferSize(int size) throws SocketException {
            delegate.setSendBufferSize(size);
        }

        @Override
        public synchronized int getSendBufferSize() throws SocketException {
            return delegate.getSendBufferSize();
        }

        @Override
        public synchronized void setReceiveBufferSize(int size) throws SocketException {
            delegate.setReceiveBufferSize(size);
        }

        @Override
        public synchronized int getReceiveBufferSize() throws SocketException {
            return delegate.getReceiveBufferSize();
        }

        @Override
        public void setKeepAlive(boolean on) throws SocketException {
            delegate.setKeepAlive(on);
        }

        @Override
        public boolean getKeepAlive() throws SocketException {
            return delegate.getKeepAlive();
        }

        @Override
        public void setTrafficClass(int tc) throws SocketException {
            delegate.setTrafficClass(tc);
        }

        @Override
        public int getTrafficClass() throws SocketException {
            return delegate.getTrafficClass();
        }

        @Override
        public void setReuseAddress(boolean on) throws SocketException {
            delegate.setReuseAddress(on);
        }

        @Override
        public boolean getReuseAddress() throws SocketException {
            return delegate.getReuseAddress();
        }

        @Override
        public void shutdownInput() throws IOException {
            delegate.shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            delegate.shutdownOutput();
        }

        @Override
        public boolean isConnected() {
            return delegate.isConnected();
        }

        @Override
        public boolean isBound() {
            return delegate.isBound();
        }

        @Override
        public boolean isClosed() {
            return delegate.isClosed();
        }

        @Override
        public boolean isInputShutdown() {
            return delegate.isInputShutdown();
        }

        @Override
        public boolean isOutputShutdown() {
            return delegate.isOutputShutdown();
        }

        @Override
        public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
            delegate.setPerformancePreferences(connectionTime, latency, bandwidth);
        }

        @Override
        public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
            delegate.setOption(name, value);
            return this;
        }

        @Override
        public <T> T getOption(SocketOption<T> name) throws IOException {
            return delegate.getOption(name);
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return delegate.supportedOptions();
        }

        @Override
        public String toString() {
            return "guarded " + delegate;
        }
    }

    /** The guarded streams of one socket, made once (callers may ask for them more than once). */
    private static final class Streams {
        private final Socket socket;
        private final WsFrameGuard guard;
        private InputStream input;
        private OutputStream output;

        Streams(Socket socket, WsFrameGuard guard) {
            this.socket = socket;
            this.guard = guard;
        }

        synchronized InputStream input() throws IOException {
            if (input == null) {
                input = guard.input(socket.getInputStream());
            }
            return input;
        }

        synchronized OutputStream output() throws IOException {
            if (output == null) {
                output = guard.output(socket.getOutputStream());
            }
            return output;
        }
    }
}
