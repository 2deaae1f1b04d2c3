#pragma once
// A tiny HTTP/1.1 server for tests: canned replies per path, and a record of every request it got.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

struct FakeRequest {
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QByteArray contentType;
    QByteArray body;
};

struct FakeReply {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
};

class FakeHttpServer : public QObject {
public:
    FakeHttpServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url(const QString &path = QString()) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void on(const QByteArray &path, FakeReply reply) { m_replies.insert(path, reply); }
    QList<FakeRequest> requests;

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        FakeRequest req;
        req.method = first.value(0);
        const QByteArray target = first.value(1);
        const qsizetype q = target.indexOf('?');
        req.path = q < 0 ? target : target.left(q);
        req.query = q < 0 ? QByteArray() : target.mid(q + 1);
        qsizetype length = 0;
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "content-type")
                req.contentType = value;
        }
        if (buf.size() < headerEnd + 4 + length)
            return;
        req.body = buf.mid(headerEnd + 4, length);
        m_buffers.remove(s);
        requests.append(req);
        const FakeReply reply = m_replies.value(req.path, FakeReply{404, "{}", "application/json"});
        s->write("HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\nContent-Type: " + reply.contentType
                 + "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n"
                 + reply.body);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QByteArray, FakeReply> m_replies;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
