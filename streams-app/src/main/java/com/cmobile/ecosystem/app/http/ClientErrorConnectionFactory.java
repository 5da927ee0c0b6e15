package com.cmobile.ecosystem.app.http;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Jetty's HTTP/1.1 connections, except that a request line without a protocol version (which
 * Jetty reads as HTTP/0.9 and answers 505) is answered 400: it is a malformed request, the client's
 * error, and the API answers 5xx only for its own failures (and 503 for "ask again"). Found by the
 * HTTP fuzz test: a raw line feed in a request target ends the request line early.
 */
final class ClientErrorConnectionFactory extends HttpConnectionFactory {

    private static final int HTTP_VERSION_NOT_SUPPORTED = 505;
    private static final int BAD_REQUEST = 400;

    ClientErrorConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
                isRecordHttpComplianceViolations()) {
            @Override
            protected HttpChannelOverHttp newHttpChannel() {
                return new HttpChannelOverHttp(this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
                    @Override
                    public void badMessage(BadMessageException failure) {
                        super.badMessage(failure.getCode() == HTTP_VERSION_NOT_SUPPORTED
                                ? new BadMessageException(BAD_REQUEST, failure.getReason(), failure)
                                : failure);
                    }
                };
            }
        };
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }
}
