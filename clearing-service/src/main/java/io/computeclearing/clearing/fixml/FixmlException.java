package io.computeclearing.clearing.fixml;

/**
 * The document as a whole cannot be read as FIXML trade capture: it is not well-formed XML, carries a DOCTYPE (refused,
 * see {@link FixmlTradeCaptureReader}), is not a FIXML 5.0 SP2 document, or holds messages other than
 * {@code TrdCaptRpt}. Problems inside one report are not exceptions; they are listed on its {@link FixmlTradeReport}.
 */
public class FixmlException extends RuntimeException {

    public FixmlException(String message) {
        super(message);
    }

    public FixmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
