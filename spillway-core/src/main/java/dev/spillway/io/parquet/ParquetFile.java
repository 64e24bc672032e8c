package dev.spillway.io.parquet;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;

/** One Parquet file's footer (metadata only, read once at planning) and its columns as Spillway sees them. */
final class ParquetFile {
    private final Path path;
    private final ParquetMetadata footer;
    private final List<ParquetColumn> columns;
    private final Schema schema;

    private ParquetFile(Path path, ParquetMetadata footer, List<ParquetColumn> columns) {
        this.path = path;
        this.footer = footer;
        this.columns = List.copyOf(columns);
        this.schema = new Schema(columns.stream().map(c -> Field.of(c.name(), c.type())).toList());
    }

    /** Reads the footer; a missing, unreadable or non-Parquet file is an error naming the path. */
    static ParquetFile open(Path path) {
        requireNonNull(path, "path is null");
        ChannelInputFile input = new ChannelInputFile(path);
        ParquetMetadata footer;
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withMetadataFilter(ParquetMetadataConverter.NO_FILTER)
                .build();
        try (SeekableInputStream stream = input.newStream()) {
            footer = ParquetFileReader.readFooter(input, options, stream);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SpillwayException(ErrorKind.IO, "file not found: " + path, e);
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot read Parquet file " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // parquet-java reports a bad magic number, a truncated footer or corrupt thrift as runtime exceptions.
            throw new SpillwayException(ErrorKind.USER_INPUT, path + " is not a valid Parquet file: " + e.getMessage(), e);
        }
        if (footer.getFileMetaData().getFileDecryptor() != null) {
            throw SpillwayException.userError("%s is encrypted; encrypted Parquet files are not supported", path);
        }
        return new ParquetFile(path, footer, ParquetTypeMapping.columns(footer.getFileMetaData().getSchema(), path.toString()));
    }

    Path path() {
        return path;
    }

    /** The file name, for task descriptions and errors. */
    String name() {
        return path.getFileName().toString();
    }

    Schema schema() {
        return schema;
    }

    List<ParquetColumn> columns() {
        return columns;
    }

    List<BlockMetaData> rowGroups() {
        return footer.getBlocks();
    }

    long rowCount() {
        long rows = 0;
        for (BlockMetaData block : footer.getBlocks()) {
            rows += block.getRowCount();
        }
        return rows;
    }

    /** Compressed bytes of the given columns' chunks in a row group (what reading them costs). */
    long compressedBytes(int rowGroup, List<ParquetColumn> projected) {
        List<ColumnChunkMetaData> chunks = footer.getBlocks().get(rowGroup).getColumns();
        long bytes = 0;
        for (ParquetColumn column : projected) {
            bytes += chunks.get(column.index()).getTotalSize();
        }
        return bytes;
    }

    /** Compressed bytes of all column chunks in the file. */
    long compressedBytes() {
        long bytes = 0;
        for (BlockMetaData block : footer.getBlocks()) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                bytes += chunk.getTotalSize();
            }
        }
        return bytes;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
