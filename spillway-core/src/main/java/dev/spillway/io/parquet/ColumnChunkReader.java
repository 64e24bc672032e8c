package dev.spillway.io.parquet;

import dev.spillway.data.DictionaryCodes;
import dev.spillway.data.LazyColumn;
import dev.spillway.data.Vectors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;

/**
 * Decodes one column chunk (one column of one row group) page by page into Arrow vectors.
 *
 * <p>Algorithm: pages stream from the file through {@link ColumnChunkPages}; each is decompressed into one
 * scratch buffer reused for the whole chunk, so memory is about two pages, whatever the chunk's size.
 * A dictionary page is decoded once into a vector of the target type. For each batch, definition levels
 * are consumed run by run: a run of non-NULL values is decoded in bulk by the page's {@link ValuesDecoder},
 * a run of NULLs only clears validity bits. Only flat columns exist here (no repetition levels, maximum
 * definition level 0 or 1).
 */
final class ColumnChunkReader implements AutoCloseable {
    private static final int LEVEL_CHUNK = 1024;
    /** Larger dictionaries hardly repeat within a batch: their codes would not save work downstream. */
    static final int MAX_CODED_DICTIONARY = 1 << 16;

    /** Page header (Thrift) encodings by ordinal to parquet-column's, null where parquet-column has none. */
    private static final Encoding[] ENCODINGS = Arrays.stream(org.apache.parquet.format.Encoding.values())
            .map(format -> Arrays.stream(Encoding.values()).filter(e -> e.name().equals(format.name())).findFirst().orElse(null))
            .toArray(Encoding[]::new);

    private final ParquetColumn column;
    private final ColumnChunkPages pages;
    private final PageDecompressor decompressor;
    private final BufferAllocator allocator;
    /** Dictionaries outlive this reader when lazy string columns of batches in flight still refer to them. */
    private final BufferAllocator dictionaryAllocator;
    private final int maxDefinitionLevel;
    private final int[] levelScratch = new int[LEVEL_CHUNK];
    private final int[] indexScratch = DictionaryDecoder.newScratch();

    private ArrowBuf pageScratch;
    /** A ByteBuffer over all of {@code pageScratch}, made once per allocation (see ColumnChunkPages#bytes). */
    private ByteBuffer pageScratchBytes;
    private FieldVector dictionary;

    private int pageRemaining;
    /** Whether every row of the current read came from dictionary pages. */
    private boolean codesComplete;
    private HybridRleDecoder levels;
    private ValuesDecoder values;

    /**
     * @param pages the chunk's pages; closed with this reader
     * @param decompressor null for uncompressed chunks
     * @param allocator for the reader's own buffers
     * @param dictionaryAllocator for dictionaries: the batches' allocator, since lazy columns keep them
     */
    ColumnChunkReader(ParquetColumn column, ColumnChunkPages pages, PageDecompressor decompressor, BufferAllocator allocator,
            BufferAllocator dictionaryAllocator) {
        this.column = column;
        this.pages = pages;
        this.decompressor = decompressor;
        this.allocator = allocator;
        this.dictionaryAllocator = dictionaryAllocator;
        this.maxDefinitionLevel = column.descriptor().getMaxDefinitionLevel();
    }

    /** Decodes the next {@code count} rows into rows {@code [0, count)} of {@code out}, a vector with that capacity. */
    void read(FieldVector out, int count) {
        prepare(out, count);
        decode(out, 0, count, null);
        finish(out, count);
    }

    /**
     * One batch of the column: a decoded vector, or for strings read from dictionary pages a lazy column (the
     * strings are copied only if an operator asks for them); and the rows' dictionary codes when every row came
     * from a dictionary of at most {@link #MAX_CODED_DICTIONARY} entries, else null.
     */
    record BatchColumn(FieldVector vector, LazyColumn lazy, DictionaryCodes codes) {}

    /** Decodes the next {@code count} rows into {@code out} (owned by the result), without codes. */
    BatchColumn readPlain(FieldVector out, int count) {
        try {
            read(out, count);
            return new BatchColumn(out, null, null);
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    /**
     * Reads the next {@code count} rows as one batch column, with codes when the column is dictionary-encoded. The vector comes from {@code newVector}; codes and
     * lazy columns are allocated from {@code target}, like the vector, since they travel with the batch.
     */
    BatchColumn readBatch(int count, Supplier<FieldVector> newVector, BufferAllocator target) {
        if (noCodesLeft()) {
            return readPlain(newVector.get(), count);
        }
        ArrowBuf codes = DictionaryCodes.allocate(count, target);
        FieldVector out = null;
        try {
            // NULL rows keep code -1 (all bits set).
            codes.setOne(0, (long) count << 2);
            codesComplete = true;
            int row = column.conversion() == ValueConversion.BINARY ? decodeCodesOnly(codes, count) : 0;
            if (row == count) {
                DictionaryStrings strings = new DictionaryStrings(dictionary, codes, column.name(), target);
                return new BatchColumn(null, strings, DictionaryCodes.of(dictionary, dictionary.getValueCount(), codes));
            }
            out = newVector.get();
            prepare(out, count);
            if (row > 0) {
                // A page that is not dictionary-encoded came mid-batch: the rows read as codes are copied first.
                DictionaryStrings.copy(dictionary, codes.memoryAddress(), 0, row, (BaseVariableWidthVector) out);
            }
            decode(out, row, count, codes);
            finish(out, count);
            if (!codesComplete || dictionary == null || dictionary.getValueCount() > MAX_CODED_DICTIONARY) {
                codes.close();
                return new BatchColumn(out, null, null);
            }
            return new BatchColumn(out, null, DictionaryCodes.of(dictionary, dictionary.getValueCount(), codes));
        } catch (RuntimeException | Error e) {
            codes.close();
            if (out != null) {
                out.close();
            }
            throw e;
        }
    }

    /**
     * Whether no later batch of this chunk can have codes: its dictionary is too large, or a data page came
     * without one (a dictionary page comes before the chunk's data pages). Such batches skip filling codes.
     */
    private boolean noCodesLeft() {
        return dictionary != null ? dictionary.getValueCount() > MAX_CODED_DICTIONARY : values != null;
    }

    /**
     * Reads codes only, as long as pages are dictionary-encoded with a small enough dictionary. Returns the rows
     * read, {@code count} unless such a page is not next.
     */
    private int decodeCodesOnly(ArrowBuf codes, int count) {
        int row = 0;
        while (row < count) {
            if (pageRemaining == 0) {
                nextDataPage();
                continue;
            }
            if (!(values instanceof DictionaryDecoder dictionaryValues) || dictionary.getValueCount() > MAX_CODED_DICTIONARY) {
                break;
            }
            int n = Math.min(count - row, pageRemaining);
            dictionaryValues.recordCodes(codes);
            if (levels == null) {
                values.read(null, row, n);
            } else {
                readWithLevels(null, null, row, n);
            }
            row += n;
            pageRemaining -= n;
        }
        return row;
    }

    private static void prepare(FieldVector out, int count) {
        out.getValidityBuffer().setZero(0, (count + 7) >>> 3);
        if (out instanceof BaseVariableWidthVector variable) {
            variable.getOffsetBuffer().setInt(0, 0);
        }
    }

    private static void finish(FieldVector out, int count) {
        if (out instanceof BaseVariableWidthVector variable) {
            variable.setLastSet(count - 1);
        }
    }

    /** Decodes rows {@code [from, count)} into {@code out}; with {@code codes}, dictionary pages also record their indexes. */
    private void decode(FieldVector out, int from, int count, ArrowBuf codes) {
        ArrowBuf validity = out.getValidityBuffer();
        int row = from;
        while (row < count) {
            if (pageRemaining == 0) {
                nextDataPage();
                continue;
            }
            int n = Math.min(count - row, pageRemaining);
            // Set on every page and every read: a decoder must never keep the buffer of an earlier read.
            if (values instanceof DictionaryDecoder dictionaryValues) {
                dictionaryValues.recordCodes(codes);
            } else {
                codesComplete = false;
            }
            if (levels == null) {
                values.read(out, row, n);
                Vectors.setRange(validity, row, n);
            } else {
                readWithLevels(out, validity, row, n);
            }
            row += n;
            pageRemaining -= n;
        }
    }

    private void readWithLevels(FieldVector out, ArrowBuf validity, int row, int count) {
        int done = 0;
        while (done < count) {
            int run = levels.rleRemaining();
            if (run > 0) {
                int n = Math.min(run, count - done);
                emit(out, validity, row + done, n, levels.rleValue() == maxDefinitionLevel);
                levels.skipRle(n);
                done += n;
                continue;
            }
            int n = Math.min(Math.min(count - done, LEVEL_CHUNK), levels.runRemaining());
            levels.read(levelScratch, 0, n);
            int i = 0;
            while (i < n) {
                boolean defined = levelScratch[i] == maxDefinitionLevel;
                int j = i + 1;
                while (j < n && (levelScratch[j] == maxDefinitionLevel) == defined) {
                    j++;
                }
                emit(out, validity, row + done + i, j - i, defined);
                i = j;
            }
            done += n;
        }
    }

    /** A run of rows all defined or all NULL; with no {@code out} (codes only), NULL rows keep code -1. */
    private void emit(FieldVector out, ArrowBuf validity, int row, int n, boolean defined) {
        if (defined) {
            values.read(out, row, n);
            if (validity != null) {
                Vectors.setRange(validity, row, n);
            }
        } else if (out instanceof BaseVariableWidthVector variable) {
            VarWidthOutput.fillEmpty(variable, row, n);
        }
    }

    /** Reads pages until the next data page, decoding a dictionary page on the way. */
    private void nextDataPage() {
        while (true) {
            PageHeader header = pages.next();
            long dataStart = pages.bodyIndex();
            switch (header.getType()) {
                case DICTIONARY_PAGE -> readDictionary(header, dataStart);
                case DATA_PAGE -> {
                    startPageV1(header, dataStart);
                    if (pageRemaining > 0) {
                        return;
                    }
                }
                case DATA_PAGE_V2 -> {
                    startPageV2(header, dataStart);
                    if (pageRemaining > 0) {
                        return;
                    }
                }
                default -> {
                    // Index pages and unknown page types carry nothing to decode.
                }
            }
        }
    }

    @SuppressWarnings("deprecation") // PLAIN_DICTIONARY: how older writers label dictionary pages
    private void readDictionary(PageHeader header, long dataStart) {
        DictionaryPageHeader dictionaryHeader = header.getDictionary_page_header();
        Encoding encoding = encoding(dictionaryHeader.getEncoding());
        if (encoding != Encoding.PLAIN && encoding != Encoding.PLAIN_DICTIONARY) {
            throw new ParquetDataException("unsupported dictionary page encoding " + encoding);
        }
        int size = dictionaryHeader.getNum_values();
        if (size < 0) {
            throw new ParquetDataException("negative dictionary size");
        }
        PageData page = decompress(dataStart, header.getCompressed_page_size(), header.getUncompressed_page_size());
        closeDictionary();
        FieldVector decoded = Vectors.allocate(column.type(), column.name(), size, dictionaryAllocator);
        try {
            new PlainDecoder(page.buffer(), page.start(), page.end(), column.conversion(), column.fixedLength()).read(decoded, 0, size);
            if (decoded instanceof BaseVariableWidthVector variable) {
                variable.setLastSet(size - 1);
            }
            decoded.setValueCount(size);
        } catch (RuntimeException | Error e) {
            decoded.close();
            throw e;
        }
        dictionary = decoded;
    }

    private void startPageV1(PageHeader header, long dataStart) {
        DataPageHeader dataHeader = header.getData_page_header();
        int valueCount = dataHeader.getNum_values();
        PageData page = decompress(dataStart, header.getCompressed_page_size(), header.getUncompressed_page_size());
        long start = page.start();
        long end = page.end();
        levels = null;
        if (maxDefinitionLevel > 0) {
            Encoding levelEncoding = encoding(dataHeader.getDefinition_level_encoding());
            if (levelEncoding != Encoding.RLE) {
                throw new ParquetDataException("unsupported definition level encoding " + levelEncoding);
            }
            if (start + 4 > end) {
                throw new ParquetDataException("page too short for its definition levels");
            }
            int length = page.buffer().getInt(start);
            if (length < 0 || start + 4 + length > end) {
                throw new ParquetDataException("definition levels extend past the end of the page");
            }
            levels = new HybridRleDecoder(page.buffer(), start + 4, start + 4 + length, 1);
            start += 4 + length;
        }
        values = valuesDecoder(encoding(dataHeader.getEncoding()), page.buffer(), start, end, valueCount);
        pageRemaining = valueCount;
    }

    private void startPageV2(PageHeader header, long dataStart) {
        DataPageHeaderV2 dataHeader = header.getData_page_header_v2();
        int valueCount = dataHeader.getNum_values();
        int repetitionLength = dataHeader.getRepetition_levels_byte_length();
        int definitionLength = dataHeader.getDefinition_levels_byte_length();
        int levelBytes = repetitionLength + definitionLength;
        if (repetitionLength < 0 || definitionLength < 0 || levelBytes > header.getCompressed_page_size()) {
            throw new ParquetDataException("invalid level lengths in data page header");
        }
        // Levels are never compressed in V2 pages: decode them straight from the page as read.
        levels = maxDefinitionLevel > 0
                ? new HybridRleDecoder(pages.buffer(), dataStart + repetitionLength, dataStart + levelBytes, 1)
                : null;
        long valuesStart = dataStart + levelBytes;
        int compressed = header.getCompressed_page_size() - levelBytes;
        int uncompressed = header.getUncompressed_page_size() - levelBytes;
        boolean isCompressed = !dataHeader.isSetIs_compressed() || dataHeader.isIs_compressed();
        PageData page = isCompressed ? decompress(valuesStart, compressed, uncompressed) : new PageData(pages.buffer(), valuesStart, valuesStart + compressed);
        values = valuesDecoder(encoding(dataHeader.getEncoding()), page.buffer(), page.start(), page.end(), valueCount);
        pageRemaining = valueCount;
    }

    private ValuesDecoder valuesDecoder(Encoding encoding, ArrowBuf page, long start, long end, int valueCount) {
        return switch (encoding) {
            case PLAIN -> new PlainDecoder(page, start, end, column.conversion(), column.fixedLength());
            case RLE_DICTIONARY, PLAIN_DICTIONARY -> {
                if (dictionary == null) {
                    throw new ParquetDataException("dictionary-encoded page without a dictionary page");
                }
                yield new DictionaryDecoder(dictionary, column.conversion().targetWidth(), page, start, end, indexScratch);
            }
            default -> new FallbackDecoder(encoding, column.descriptor(), column.conversion(), page, start, end, valueCount);
        };
    }

    /** Where a page's uncompressed bytes are: in the page as read, or in the scratch buffer. */
    private record PageData(ArrowBuf buffer, long start, long end) {}

    /** The column encoding of a page header's encoding, without a by-name lookup per page. */
    private static Encoding encoding(org.apache.parquet.format.Encoding format) {
        Encoding encoding = ENCODINGS[format.ordinal()];
        if (encoding == null) {
            throw new ParquetDataException("unsupported page encoding " + format);
        }
        return encoding;
    }

    private PageData decompress(long start, int compressedSize, int uncompressedSize) {
        if (decompressor == null) {
            if (compressedSize != uncompressedSize) {
                throw new ParquetDataException("uncompressed page has different compressed and uncompressed sizes");
            }
            return new PageData(pages.buffer(), start, start + compressedSize);
        }
        if (pageScratch == null || pageScratch.capacity() < uncompressedSize) {
            if (pageScratch != null) {
                pageScratch.close();
                pageScratch = null;
            }
            pageScratch = allocator.buffer((long) uncompressedSize + ShortCopy.PADDING);
            pageScratchBytes = pageScratch.nioBuffer(0, (int) Math.min(pageScratch.capacity(), Integer.MAX_VALUE));
        }
        try {
            decompressor.decompress(pages.bytes(start, compressedSize), pageScratchBytes.slice(0, uncompressedSize));
        } catch (IOException | RuntimeException e) {
            throw new ParquetDataException("cannot decompress page: " + e.getMessage());
        }
        return new PageData(pageScratch, 0, uncompressedSize);
    }

    private void closeDictionary() {
        if (dictionary != null) {
            dictionary.close();
            dictionary = null;
        }
    }

    @Override
    public void close() {
        pages.close();
        closeDictionary();
        if (pageScratch != null) {
            pageScratch.close();
            pageScratch = null;
            pageScratchBytes = null;
        }
    }
}
