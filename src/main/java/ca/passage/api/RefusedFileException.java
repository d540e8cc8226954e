package ca.passage.api;

/** A dropped notice file that was refused; the file route moves it to the .error folder. */
public class RefusedFileException extends RuntimeException {
    public RefusedFileException(String message) {
        super(message);
    }
}
