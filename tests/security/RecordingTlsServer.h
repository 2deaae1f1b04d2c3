#pragma once
// A bare TLS server on 127.0.0.1 that records what reaches it: how many handshakes were started, how
// many completed, and every byte of application data (a request line, headers, a body) that arrived.
// A client that fails closed leaves `received` empty. It answers the first request with a small 200,
// so the positive control (a certificate the client trusts) completes.
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

namespace hearth::test {

class RecordingTlsServer : public QTcpServer {
public:
    RecordingTlsServer(QSslCertificate certificate, QSslKey key)
        : m_certificate(std::move(certificate)), m_key(std::move(key)) {}

    QByteArray received;
    int handshakesStarted = 0;
    int handshakesCompleted = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);   // the client is not asked for a certificate
        connect(socket, &QSslSocket::encrypted, this, [this] { ++handshakesCompleted; });
        connect(socket, &QSslSocket::readyRead, this, [this, socket] {
            received += socket->readAll();
            if (received.contains("\r\n\r\n") && !m_answered) {
                m_answered = true;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: 2\r\n"
                              "Connection: close\r\n\r\n{}");
                socket->disconnectFromHost();
            }
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        ++handshakesStarted;
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
    bool m_answered = false;
};

} // namespace hearth::test
