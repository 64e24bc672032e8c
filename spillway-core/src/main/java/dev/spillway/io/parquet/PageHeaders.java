package dev.spillway.io.parquet;

import java.io.IOException;
import java.io.InputStream;
import org.apache.parquet.format.PageHeader;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.transport.TIOStreamTransport;

/**
 * Reads a page header (Thrift compact protocol). parquet-format's {@code Util.readPageHeader} validates each
 * header with an eagerly formatted message ({@code String.format} per page, whether valid or not), which cost
 * time per page and bloated the JIT-compiled batch loop it was inlined into; sizes are checked by the callers.
 */
final class PageHeaders {
    private PageHeaders() {
    }

    static PageHeader read(InputStream in) throws IOException {
        PageHeader header = new PageHeader();
        try {
            header.read(new TCompactProtocol(new TIOStreamTransport(in)));
        } catch (TException e) {
            throw new IOException("cannot read page header: " + e.getMessage(), e);
        }
        return header;
    }
}
