package io.servesim.kernel;

import com.google.gson.annotations.SerializedName;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;

/** The {@code execute_reply} of a request skipped because an earlier cell failed: {@code {"status": "aborted"}}. */
final class AbortedReply implements ContentType<AbortedReply> {
    @SerializedName("status")
    private final String status = "aborted";

    @Override
    @SuppressWarnings("unchecked")
    public MessageType<AbortedReply> getType() {
        return (MessageType<AbortedReply>) (MessageType<?>) ExecuteReply.MESSAGE_TYPE;
    }
}
