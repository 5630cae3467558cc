package com.tiercrm.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The uploaded files of import jobs, kept in the database with their job as chunks of
 * {@value #CHUNK_BYTES} bytes (tables {@code import_uploads} and
 * {@code import_upload_chunks}): written as the upload streams in and read back in order,
 * never whole in memory. A job reads only the file stored under its own id, checked
 * against the SHA-256 taken when it was stored. Callers run {@link #store} in a
 * transaction, so that a refused or broken upload leaves no chunk behind.
 */
final class ImportUploadStore {

	static final int CHUNK_BYTES = 1024 * 1024;

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final JdbcTemplate jdbc;

	private final ImportProperties properties;

	ImportUploadStore(JdbcTemplate jdbc, ImportProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Stores an upload as the file of a job.
	 * @return its size in bytes
	 * @throws ImportFileException when it is empty or larger than allowed
	 */
	long store(long jobId, InputStream content) throws IOException {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var insert = connection.prepareStatement(
					"INSERT INTO import_uploads (job_id, size_bytes, stored_at) VALUES (?, 0, ?)",
					new String[] { "id" });
			insert.setLong(1, jobId);
			insert.setTimestamp(2, Timestamp.from(Instant.now()));
			return insert;
		}, key);
		long uploadId = Objects.requireNonNull(key.getKey()).longValue();
		long limit = this.properties.maxFileSize().toBytes();
		MessageDigest digest = sha256();
		byte[] buffer = new byte[CHUNK_BYTES];
		long total = 0;
		int seq = 0;
		int read;
		while ((read = content.readNBytes(buffer, 0, buffer.length)) > 0) {
			total += read;
			if (total > limit) {
				throw new ImportFileException("import.file.tooLarge",
						this.properties.maxFileSize().toMegabytes() + " MB");
			}
			digest.update(buffer, 0, read);
			byte[] chunk = (read == buffer.length) ? buffer : Arrays.copyOf(buffer, read);
			this.jdbc.update("INSERT INTO import_upload_chunks (upload_id, seq, data) VALUES (?, ?, ?)", uploadId,
					seq++, chunk);
		}
		if (total == 0) {
			throw new ImportFileException("import.file.empty");
		}
		this.jdbc.update("UPDATE import_uploads SET size_bytes = ?, sha256 = ? WHERE id = ?", total,
				HexFormat.of().formatHex(digest.digest()), uploadId);
		return total;
	}

	/** Whether a job has a stored file. */
	boolean exists(long jobId) {
		return upload(jobId).isPresent();
	}

	/**
	 * Hands the file of one job over to another (a commit takes its dry run's file).
	 * @return whether there was a file to hand over
	 */
	boolean transfer(long fromJobId, long toJobId) {
		return this.jdbc.update("UPDATE import_uploads SET job_id = ? WHERE job_id = ? AND sha256 IS NOT NULL", toJobId,
				fromJobId) > 0;
	}

	/**
	 * Copies the file of one job to another, inside the database (a dry run with a
	 * corrected mapping works on a copy).
	 * @return whether there was a file to copy
	 */
	boolean copy(long fromJobId, long toJobId) {
		Optional<Upload> from = upload(fromJobId);
		if (from.isEmpty()) {
			return false;
		}
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var insert = connection.prepareStatement(
					"INSERT INTO import_uploads (job_id, size_bytes, sha256, stored_at) VALUES (?, ?, ?, ?)",
					new String[] { "id" });
			insert.setLong(1, toJobId);
			insert.setLong(2, from.get().size());
			insert.setString(3, from.get().sha256());
			insert.setTimestamp(4, Timestamp.from(Instant.now()));
			return insert;
		}, key);
		this.jdbc.update(
				"INSERT INTO import_upload_chunks (upload_id, seq, data)"
						+ " SELECT ?, seq, data FROM import_upload_chunks WHERE upload_id = ?",
				Objects.requireNonNull(key.getKey()).longValue(), from.get().id());
		return true;
	}

	/**
	 * The file of a job, read chunk by chunk; the caller closes it. Reading it does not
	 * check its checksum (see {@link #spool}).
	 */
	Optional<InputStream> open(long jobId) {
		return upload(jobId).map((upload) -> new ChunkInputStream(upload.id()));
	}

	/**
	 * Copies the file of a job to a private file (mode 0600, an unguessable name in the
	 * work directory) for the readers of CSV and Excel files, checking it against its
	 * SHA-256 on the way; the caller deletes the copy. The readers need a file: a CSV
	 * file is opened more than once (detection, then rows), an Excel file is a zip read
	 * by its directory, and on PostgreSQL the load's COPY holds the connection the chunks
	 * would be read through.
	 * @param limit how many bytes to copy at most, up to one chunk unless the whole file
	 * (a prefix is enough for a CSV header); only a whole file is checked
	 * @throws ImportFileException when the job has no file or the file is not the one
	 * stored
	 */
	Path spool(long jobId, long limit) throws IOException {
		Upload upload = upload(jobId).orElseThrow(() -> new ImportFileException("import.failure.notCommittable"));
		Path file = privateFile();
		boolean whole = limit >= upload.size();
		try (InputStream chunks = new ChunkInputStream(upload.id());
				DigestInputStream in = new DigestInputStream(chunks, sha256());
				OutputStream out = Files.newOutputStream(file)) {
			long copied;
			if (whole) {
				copied = in.transferTo(out);
			}
			else {
				byte[] prefix = in.readNBytes((int) Math.min(limit, CHUNK_BYTES));
				out.write(prefix);
				copied = prefix.length;
			}
			if (whole && (copied != upload.size()
					|| !HexFormat.of().formatHex(in.getMessageDigest().digest()).equals(upload.sha256()))) {
				throw new ImportFileException("import.failure.checksum");
			}
			return file;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/**
	 * Deletes the file of a job, if it has one.
	 * @return how many files were deleted (0 or 1)
	 */
	int delete(long jobId) {
		return this.jdbc.update("DELETE FROM import_uploads WHERE job_id = ?", jobId);
	}

	/**
	 * Deletes the files stored longer ago than the retention period.
	 * @return how many files were deleted
	 */
	int deleteOlderThan(Duration retention) {
		return this.jdbc.update("DELETE FROM import_uploads WHERE stored_at < ?",
				Timestamp.from(Instant.now().minus(retention)));
	}

	private Optional<Upload> upload(long jobId) {
		List<Upload> found = this.jdbc.query(
				"SELECT id, size_bytes, sha256 FROM import_uploads WHERE job_id = ? AND sha256 IS NOT NULL",
				(rs, row) -> new Upload(rs.getLong(1), rs.getLong(2), rs.getString(3)), jobId);
		return found.stream().findFirst();
	}

	private Path privateFile() throws IOException {
		Path directory = this.properties.workDirectoryOrDefault();
		if (POSIX) {
			FileAttribute<?> owner = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
			if (!Files.isDirectory(directory)) {
				Files.createDirectories(directory, owner);
			}
			return Files.createTempFile(directory, "import-", ".spool",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.createDirectories(directory);
		return Files.createTempFile(directory, "import-", ".spool");
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Upload(long id, long size, @Nullable String sha256) {

	}

	/** The chunks of one upload in order, one query (one chunk in memory) at a time. */
	private final class ChunkInputStream extends InputStream {

		private final long uploadId;

		private int nextSeq;

		private byte @Nullable [] chunk = new byte[0];

		private int position;

		ChunkInputStream(long uploadId) {
			this.uploadId = uploadId;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (this.chunk != null && this.position == this.chunk.length) {
				List<byte[]> next = ImportUploadStore.this.jdbc.query(
						"SELECT data FROM import_upload_chunks WHERE upload_id = ? AND seq = ?",
						(rs, row) -> rs.getBytes(1), this.uploadId, this.nextSeq);
				this.chunk = next.isEmpty() ? null : next.get(0);
				this.nextSeq++;
				this.position = 0;
			}
			byte[] current = this.chunk;
			if (current == null) {
				return -1;
			}
			int count = Math.min(length, current.length - this.position);
			System.arraycopy(current, this.position, buffer, offset, count);
			this.position += count;
			return count;
		}

	}

}
