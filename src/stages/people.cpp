// The people stage: being written (see the issue). Until then it leaves the
// records as the rules made them.
#include "stages/stage.hpp"

namespace reportex::internal {

void link_people(StageContext&) {}

}  // namespace reportex::internal
